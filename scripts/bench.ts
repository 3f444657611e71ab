// npm run bench: export speed (always) and, with --load, the load test
// (scripts/bench/load.ts: --seconds N, --db sqlite|postgres, --district, …); the
// load runs' one-line summaries are the last lines of the output.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { benchExport } from "./bench/export";
import { benchBounds } from "./bench/bounds";

const fmt = (n: number) => n.toFixed(1).padStart(8);

async function main() {
  const started = new Date().toISOString();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`Report Studio benchmark · ${started} · ${machine}\n`);
  const exp = await benchExport();
  console.log("Export of the demo report (%d pages), warm, ms (median / min / max):", exp.pages);
  console.log(`  our PDF            ${fmt(exp.pdf.median)} ${fmt(exp.pdf.min)} ${fmt(exp.pdf.max)}`);
  console.log(`  our DOCX           ${fmt(exp.docx.median)} ${fmt(exp.docx.min)} ${fmt(exp.docx.max)}`);
  console.log(`  our OFD            ${fmt(exp.ofd.median)} ${fmt(exp.ofd.min)} ${fmt(exp.ofd.max)}`);
  console.log(`  LibreOffice→PDF    ${fmt(exp.libreoffice.median)} ${fmt(exp.libreoffice.min)} ${fmt(exp.libreoffice.max)}`);
  console.log(`  ratio LibreOffice / ours: ${exp.ratio.toFixed(1)}×; OFD / PDF: ${(exp.ofd.median / exp.pdf.median).toFixed(2)}×`);
  console.log("PDF export time by length:");
  for (const g of exp.growth) console.log(`  ${String(g.pages).padStart(3)} pages ${fmt(g.ms)} ms  (${(g.ms / g.pages).toFixed(1)} ms/page)`);
  const bounds = await benchBounds();
  console.log("One hostile request, CPU time and peak memory growth of the process (goal: under 1 s of CPU, under 100 MB):");
  console.log(`  diff, 2 × 100,000 different characters  ${fmt(bounds.diff.cpuMs)} ms CPU ${fmt(bounds.diff.peakMb)} MB  ${bounds.diff.outcome}`);
  console.log(`  import, ${(bounds.docx.fileBytes / 1024).toFixed(0)} KB .docx of 32.5 MB <w:p/> ${fmt(bounds.docx.cpuMs)} ms CPU ${fmt(bounds.docx.peakMb)} MB  ${bounds.docx.outcome}`);
  const results: Record<string, unknown> = { started, machine, export: exp, bounds };
  let summaries: string[] = [];
  const argv = process.argv.slice(2);
  if (argv.includes("--load") || argv.includes("--district")) {
    const { benchLoad, loadOptions } = await import("./bench/load");
    const load = await benchLoad(loadOptions(argv));
    results.load = load.results;
    summaries = load.summaries;
  }
  mkdirSync("artifacts", { recursive: true });
  writeFileSync("artifacts/bench.json", JSON.stringify(results, null, 2));
  console.log("\nwritten artifacts/bench.json");
  if (summaries.length) console.log(summaries.join("\n"));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
