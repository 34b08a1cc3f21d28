// The frame every Steward email shares: a plain, readable card that renders the same in
// every mail client, with the organization's name on top when there is one.
import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const page = { backgroundColor: "#f4f4f5", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", padding: "24px 0" };
const card = { backgroundColor: "#ffffff", border: "1px solid #e4e4e7", borderRadius: "8px", margin: "0 auto", maxWidth: "520px", padding: "32px" };
const brand = { color: "#71717a", fontSize: "12px", letterSpacing: "0.08em", margin: "0 0 16px", textTransform: "uppercase" as const };
const title = { color: "#18181b", fontSize: "20px", fontWeight: 600, margin: "0 0 16px" };
const button = {
  backgroundColor: "#4f46e5",
  borderRadius: "6px",
  color: "#ffffff",
  fontSize: "14px",
  fontWeight: 600,
  padding: "10px 18px",
  textDecoration: "none",
};
const footer = { color: "#71717a", fontSize: "12px", lineHeight: "18px", margin: 0 };

export const text = { color: "#3f3f46", fontSize: "14px", lineHeight: "22px", margin: "0 0 12px" };
export const small = { color: "#71717a", fontSize: "12px", lineHeight: "18px", margin: "0 0 12px", wordBreak: "break-all" as const };

export function EmailLayout(props: { preview: string; brand: string; heading: string; children: ReactNode; footer: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={brand}>{props.brand}</Text>
          <Heading as="h1" style={title}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr style={{ borderColor: "#e4e4e7", margin: "24px 0 16px" }} />
          <Text style={footer}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The call to action, with the address spelled out for clients that block buttons. */
export function Action(props: { href: string; label: string }) {
  return (
    <Section style={{ margin: "20px 0" }}>
      <Button href={props.href} style={button}>
        {props.label}
      </Button>
      <Text data-skip-in-text style={{ ...small, marginTop: "16px" }}>
        Or open this address: {props.href}
      </Text>
    </Section>
  );
}
