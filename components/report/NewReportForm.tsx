"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createReportAction, previewImportAction } from "@/app/actions/reports";
import type { ImportPreview } from "@/lib/import/preview";
import { Button } from "@/components/ui/Field";

interface Props {
  defaultYear: number;
  defaultThemes: string[];
  sources: { id: string; year: number; title: string }[];
}

type Source = "template" | "lastYear" | "import";

export function NewReportForm({ defaultYear, defaultThemes, sources }: Props) {
  const router = useRouter();
  const [source, setSource] = useState<Source>(sources.length ? "lastYear" : "template");
  const [year, setYear] = useState(String(defaultYear));
  const [themes, setThemes] = useState(defaultThemes.join("\n"));
  const [includeOther, setIncludeOther] = useState(false);
  const [sourceReportId, setSourceReportId] = useState(sources[0]?.id ?? "");
  const [pasted, setPasted] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<{ text: string; existingId?: string } | null>(null);
  const [pending, start] = useTransition();

  const create = () =>
    start(async () => {
      setError(null);
      const y = Number(year);
      const input =
        source === "template"
          ? { source, year: y, themes: themes.split("\n").map((t) => t.trim()).filter(Boolean), includeOther }
          : source === "lastYear"
            ? { source, year: y, sourceReportId }
            : { source, year: y, text: preview?.text ?? "" };
      const r = await createReportAction(input);
      if (!r.ok) return setError({ text: r.error, existingId: r.existingId });
      router.push(`/reports/${r.data.id}`);
    });

  const runPreview = (form: FormData) =>
    start(async () => {
      setError(null);
      setPreview(null);
      const r = await previewImportAction(form);
      if (!r.ok) return setError({ text: r.error });
      setPreview(r.data);
    });

  return (
    <div className="space-y-6">
      {error ? (
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.text}{" "}
          {error.existingId ? (
            <Link className="font-medium underline" href={`/reports/${error.existingId}`}>
              打开已有的报告
            </Link>
          ) : null}
        </div>
      ) : null}
      <div>
        <label htmlFor="report-year" className="block text-sm font-medium text-stone-700">
          年度
        </label>
        <input id="report-year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)}
          className="mt-1 w-32 rounded border border-stone-300 px-3 py-2" />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-stone-700">创建方式</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(
            [
              ["lastYear", "从上一年度报告"],
              ["template", "从规定模板"],
              ["import", "导入 Word 或粘贴文字"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="source" value={value} checked={source === value} onChange={() => setSource(value)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      {source === "template" ? (
        <div className="space-y-3">
          <label htmlFor="themes" className="block text-sm font-medium text-stone-700">
            “一、主要举措和成效”下的主题（每行一个，可修改）
          </label>
          <textarea id="themes" rows={6} value={themes} onChange={(e) => setThemes(e.target.value)}
            className="w-full rounded border border-stone-300 px-3 py-2 text-sm" />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={includeOther} onChange={(e) => setIncludeOther(e.target.checked)} />
            包含“五、其他需要报告的情况”
          </label>
        </div>
      ) : null}

      {source === "lastYear" ? (
        sources.length ? (
          <div>
            <label htmlFor="source-report" className="block text-sm font-medium text-stone-700">
              上一年度报告（沿用章节结构和负责人，正文不复制；其“主要安排”列为本年度的对照清单）
            </label>
            <select id="source-report" value={sourceReportId} onChange={(e) => setSourceReportId(e.target.value)}
              className="mt-1 w-full rounded border border-stone-300 px-3 py-2 text-sm">
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.year} · {s.title}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="text-sm text-stone-600">本单位还没有往年报告，请从模板创建或导入。</p>
        )
      ) : null}

      {source === "import" ? (
        <form action={runPreview} className="space-y-3">
          <div>
            <label htmlFor="import-file" className="block text-sm font-medium text-stone-700">
              Word 文件（.docx）或文本文件（.txt）
            </label>
            <input id="import-file" name="file" type="file" accept=".docx,.txt" className="mt-1 text-sm" />
          </div>
          <div>
            <label htmlFor="import-text" className="block text-sm font-medium text-stone-700">
              或粘贴报告全文
            </label>
            <textarea id="import-text" name="text" rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)}
              className="mt-1 w-full rounded border border-stone-300 px-3 py-2 text-sm" />
          </div>
          <Button type="submit" disabled={pending}>识别预览</Button>
        </form>
      ) : null}

      {source === "import" && preview ? <PreviewPanel preview={preview} /> : null}

      {source !== "import" || preview ? (
        <Button type="button" onClick={create} disabled={pending || (source === "lastYear" && !sourceReportId)}>
          {source === "import" ? "确认导入并创建报告" : "创建报告"}
        </Button>
      ) : null}
    </div>
  );
}

function PreviewPanel({ preview }: { preview: ImportPreview }) {
  const m = preview.metadata;
  const meta: [string, string | number | undefined][] = [
    ["发文机关标志", m.headerMark], ["发文字号", m.docNumber], ["标题", m.title], ["主送机关", m.addressee], ["署名", m.signatory],
    ["成文日期", m.writtenDate], ["抄送", m.copyTo], ["印发机关", m.issuer], ["印发日期", m.issueDate], ["印数", m.copies],
  ];
  return (
    <section aria-label="导入预览" className="rounded-lg border border-stone-200 bg-stone-50 p-4">
      <h2 className="font-semibold">识别结果</h2>
      <dl className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
        {meta.filter(([, v]) => v !== undefined).map(([k, v]) => (
          <div key={k} className="flex gap-2"><dt className="text-stone-500">{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      <p className="mt-3 text-sm" data-testid="import-summary">
        共 {preview.outline.length} 个章节，{preview.paragraphCount} 个段落。
      </p>
      <ol className="mt-2 space-y-1 text-sm">
        {preview.outline.map((o, i) => (
          <li key={i} style={{ paddingLeft: `${(o.depth - 1) * 1.5}rem` }}>
            {o.label}{o.heading} <span className="text-stone-500">（{o.paragraphs} 段）</span>
          </li>
        ))}
      </ol>
      {preview.notes.length ? (
        <section aria-label="无法导入的内容和说明" className="mt-3 rounded border border-amber-300 bg-amber-50 p-3">
          <h3 className="text-sm font-semibold text-amber-900">请在保存前确认：</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-amber-900">
            {preview.notes.map((n, i) => <li key={i}>{n}</li>)}
          </ul>
        </section>
      ) : null}
      {preview.renumbered.length ? (
        <section aria-label="编号调整" className="mt-3 rounded border border-stone-300 bg-white p-3">
          <h3 className="text-sm font-semibold">以下 {preview.renumbered.length} 处编号将按位置自动生成（文字不变）：</h3>
          <ul className="mt-1 space-y-0.5 text-sm">
            {preview.renumbered.map((r, i) => (
              <li key={i}><span className="doc-text">“{r.text}”</span>：原编号 <code>{r.from}</code> → <code>{r.to}</code></li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
