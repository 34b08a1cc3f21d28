import { notFound } from "next/navigation";

/** Any address under an organization that is no page: its 404, inside the console's frame. */
export default function MissingPage() {
  notFound();
}
