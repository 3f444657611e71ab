import Link from "next/link";
import { pageData } from "@/lib/auth/page";
import { districtInbox } from "@/lib/district/submission";
import { chinaDateTime } from "@/lib/core/dates";
import { DecideSubmission } from "@/components/district/DecideSubmission";

/** 收文: every report the towns have sent up, what was sent (number, fingerprint) and the answer. */
export default async function DistrictInboxPage() {
  const { rows, ctx: { t } } = await pageData(({ db, actor }) => districtInbox(db, actor));
  return (
    <section aria-labelledby="district-inbox-title" className="space-y-4">
      <h1 id="district-inbox-title" className="text-2xl font-semibold">{t("district.inboxTitle")}</h1>
      {rows.length === 0 ? <p className="text-stone-600">{t("district.inboxEmpty")}</p> : null}
      <ul className="space-y-3">
        {rows.map((s) => (
          <li key={s.id} className="rounded-lg bg-white p-4 shadow-sm" aria-label={s.report.title}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link className="font-medium text-red-800 hover:underline" href={`/reports/${s.report.id}`}>{s.report.title}</Link>
              <span className="text-sm" data-testid="submission-status">{t(`district.submission.${s.status}`)}</span>
            </div>
            <p className="mt-1 text-sm text-stone-600">{t("district.sentBy", { town: s.report.office.name, docNumber: s.docNumber, at: chinaDateTime(s.sentAt) })}</p>
            <p className="break-all text-xs text-stone-500">{t("district.hash", { hash: s.contentHash })}</p>
            <a className="text-sm text-red-800 hover:underline" href={`/api/submissions/${s.id}/pdf`}>{t("district.sentPdf")}</a>
            {s.reason ? <p className="mt-1 text-sm text-red-800">{t("trail.reason", { reason: s.reason })}</p> : null}
            {s.status === "sent" ? <div className="mt-2"><DecideSubmission submissionId={s.id} /></div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
