// A change made while a page is still loading must show once it is saved: the first load
// may have read the data before the change, and that answer must not stand.
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { refreshQueries } from "@/components/trpc";

/** A query whose loads are answered by hand, in the order the test chooses. */
function manualQuery(queryClient: QueryClient) {
  const pending: Array<(value: string) => void> = [];
  const observer = new QueryObserver<string>(queryClient, {
    queryKey: ["resources", "activity"],
    queryFn: () => new Promise<string>((resolve) => pending.push(resolve)),
  });
  const unsubscribe = observer.subscribe(() => {});
  return { observer, pending, unsubscribe };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("refreshing after a change", () => {
  it("starts a first load again when the change lands while it is on its way", async () => {
    const queryClient = new QueryClient();
    const { observer, pending, unsubscribe } = manualQuery(queryClient);
    await settle();
    expect(pending).toHaveLength(1);

    const refreshed = refreshQueries(queryClient, ["resources"]);
    await settle();
    // The first load read before the change and answers late; its answer is dropped.
    pending[0]!("before the run");
    expect(pending).toHaveLength(2);
    pending[1]!("with the run");
    await refreshed;
    expect(observer.getCurrentResult().data).toBe("with the run");
    unsubscribe();
  });

  it("loads again a query that already has data, once", async () => {
    const queryClient = new QueryClient();
    const { observer, pending, unsubscribe } = manualQuery(queryClient);
    await settle();
    pending[0]!("before the run");
    await settle();
    expect(observer.getCurrentResult().data).toBe("before the run");

    const refreshed = refreshQueries(queryClient, ["resources"]);
    await settle();
    expect(pending).toHaveLength(2);
    pending[1]!("with the run");
    await refreshed;
    expect(observer.getCurrentResult().data).toBe("with the run");
    unsubscribe();
  });

  it("leaves other areas' queries alone", async () => {
    const queryClient = new QueryClient();
    const { pending, unsubscribe } = manualQuery(queryClient);
    await settle();
    pending[0]!("resources");
    await settle();
    await refreshQueries(queryClient, ["members"]);
    expect(pending).toHaveLength(1);
    unsubscribe();
  });
});
