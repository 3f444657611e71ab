"use client";

import { useT } from "@/components/i18n/I18nProvider";

export interface SignHeaderFacts {
  /** 发文机关标志 */
  mark: string;
  /** the one signing: the 签发人 a 上行文 names */
  signer: string;
  /** "签发人：" and the name, as the header sets it */
  signerLine: string;
  /** the 发文字号, or what stands for it until 印发 gives one */
  pendingNumber: string;
  addressee: string;
  /** the report goes to an office above: a 上行文, so 主送机关 is required */
  addresseeRequired: boolean;
}

/**
 * In the 签发 dialog: the 主送机关 and the header the document will get with it — a
 * 上行文 names its 签发人 beside the number (GB/T 9704 §7.2.4), a document without a
 * 主送机关 does not. The small header is the 公文's own text, so it stays Chinese.
 */
export function SignHeader({ facts, addressee, setAddressee }: { facts: SignHeaderFacts; addressee: string; setAddressee: (v: string) => void }) {
  const t = useT();
  const upward = addressee.trim().length > 0;
  return (
    <section aria-label={t("flow.header")} className="space-y-2 rounded border border-stone-200 p-3 text-sm">
      <label className="block">{t("flow.addressee")}
        <input value={addressee} onChange={(e) => setAddressee(e.target.value)} placeholder={t("flow.addresseeExample")} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
      </label>
      <p data-testid="header-kind">{upward ? t("flow.headerUpward", { signer: facts.signer }) : facts.addresseeRequired ? t("flow.headerNeedsAddressee") : t("flow.headerPlain")}</p>
      <div lang="zh-CN" aria-label={t("flow.headerPreview")} className="doc-text rounded bg-stone-50 px-3 py-2">
        <p className="text-center font-bold tracking-widest text-red-700">{facts.mark}</p>
        <p className={`mt-1 flex text-xs ${upward ? "justify-between" : "justify-center"}`}>
          <span>{facts.pendingNumber}</span>
          {upward ? <span data-testid="header-signer">{facts.signerLine}</span> : null}
        </p>
        <hr className="my-1 border-red-700" />
      </div>
    </section>
  );
}
