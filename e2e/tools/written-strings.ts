// Prints (JSON) every string in a database that people wrote or that names them,
// for e2e/english.spec.ts: usage: node --conditions=react-server --import tsx e2e/tools/written-strings.ts <sqlite file>
import { createClient } from "../../lib/db/client";
import { headingLabel } from "../../lib/core/outline/outline-numbers";
import { asParagraphs } from "../../lib/core/text/paragraphs";
import { DEFAULT_PARTS, type RequiredPart } from "../../lib/core/district/required-parts";

const HAN = /[\u3400-\u9fff]/u;

async function writtenStrings(file: string): Promise<string[]> {
  const db = createClient(`file:${file}`);
  try {
    const [offices, users, reports, sections, comments, plans, notices, submissions, audit] = await Promise.all([
      db.office.findMany(), db.user.findMany(), db.report.findMany(), db.section.findMany(), db.comment.findMany(), db.planItem.findMany(), db.notification.findMany(),
      db.reportSubmission.findMany(), db.auditEvent.findMany({ where: { detail: { not: null } }, select: { detail: true } }),
    ]);
    // The parts a district requires are named in its words (by default, the regulation's).
    const districtParts = [...DEFAULT_PARTS, ...(await db.districtYear.findMany()).flatMap((d) => d.parts as unknown as RequiredPart[])].flatMap((p) => [p.name, ...p.keywords]);
    // What people wrote into a step: reasons, opinions, the 保密审查.
    const steps = audit.flatMap((e) => {
      const d = JSON.parse(e.detail!) as { reason?: string; opinion?: string; partsReason?: string; secrecy?: { reviewer?: string; result?: string } };
      return [d.reason, d.opinion, d.partsReason, d.secrecy?.reviewer, d.secrecy?.result];
    });
    const strings = [
      ...offices.flatMap((o) => [o.name, o.fullName, o.headerMark, o.docCodePrefix]),
      ...users.map((u) => u.displayName),
      ...reports.flatMap((r) => [r.title, r.docNumber, r.addressee, r.copyTo, r.signatory, r.issuer, r.signerName]),
      // The 导语's heading is the system's name for it, not something people wrote: English pages must say "Introduction".
      ...sections.flatMap((s) => [...(s.kind === "intro" ? [] : [s.heading]), ...asParagraphs(s.content).map((p) => p.text)]),
      ...comments.flatMap((c) => [c.body, (c.anchor as { quote?: string } | null)?.quote]),
      ...plans.flatMap((p) => [p.text, p.note]),
      ...notices.flatMap((n) => Object.values((n.params ?? {}) as Record<string, string>)),
      ...submissions.flatMap((s) => [s.reason, s.docNumber]),
      ...reports.flatMap((r) => [r.secrecyReviewer, r.secrecyResult]),
      ...steps,
      ...districtParts,
      // The 公文's own numbering of headings (一、（一）).
      ...Array.from({ length: 40 }, (_, i) => [headingLabel(1, i + 1), headingLabel(2, i + 1)]).flat(),
    ];
    return [...new Set(strings.filter((s): s is string => !!s && HAN.test(s)))].sort((a, b) => b.length - a.length);
  } finally {
    await db.$disconnect();
  }
}


writtenStrings(process.argv[2]).then((s) => process.stdout.write(JSON.stringify(s)));
