// The SMTP server the E2E run's Steward sends to (playwright.config.ts starts it), with a
// small HTTP side for the tests to read what arrived: GET /messages?to=address.
import { createServer } from "node:http";
import { startSmtpCatcher } from "./smtp-catcher";

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
const httpPort = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2527);

void startSmtpCatcher(smtpPort).then((catcher) =>
  createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health") return res.end("ok");
    if (url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      res.setHeader("content-type", "application/json");
      return res.end(JSON.stringify(catcher.messages.filter((m) => !to || m.to.toLowerCase().includes(to))));
    }
    res.statusCode = 404;
    res.end();
  }).listen(httpPort, "127.0.0.1", () => console.log(`E2E mail server: SMTP ${catcher.url}, messages on http://127.0.0.1:${httpPort}/messages`)),
);
