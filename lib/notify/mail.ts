// E-mail for notifications, only when SMTP_URL is set (off by default).
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

let transport: Transporter | null | undefined;

function mailTransport(): Transporter | null {
  if (transport !== undefined) return transport;
  const url = process.env.SMTP_URL;
  transport = url ? nodemailer.createTransport(url) : null;
  return transport;
}

/** For tests: use a given transport (e.g. nodemailer's jsonTransport). */
export function setMailTransport(t: Transporter | null) {
  transport = t;
}

export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
  const t = mailTransport();
  if (!t) return false;
  try {
    await t.sendMail({ from: process.env.SMTP_FROM || "report-studio@localhost", to, subject, text });
    return true;
  } catch (err) {
    // A mail server that is down must not undo the workflow step: the in-app notice stays.
    console.error("[mail] send failed", err instanceof Error ? err.message : err);
    return false;
  }
}
