// What one hostile request may cost a process: the section diff at two different texts of
// 100,000 characters (the section limit) and the import of a 48 KB Word file whose
// document.xml is 32.5 MB of empty paragraphs. Each is measured in CPU time (user +
// system, so a busy machine does not inflate it) and in the process's peak memory growth.
import { cpuUsage, memoryUsage } from "node:process";
import { readableDiff } from "../../lib/core/text/paragraph-diff";
import { textOfUpload } from "../../lib/import/preview";
import { emptyParagraphsDocx } from "../../tests/fixtures/hostile-docx";

export interface Cost {
  cpuMs: number;
  peakMb: number;
  outcome: string;
}

async function cost(run: () => Promise<string> | string): Promise<Cost> {
  const rss0 = memoryUsage().rss;
  let peak = rss0;
  const sample = setInterval(() => (peak = Math.max(peak, memoryUsage().rss)), 5);
  const cpu0 = cpuUsage();
  const outcome = await run();
  const cpu = cpuUsage(cpu0);
  clearInterval(sample);
  peak = Math.max(peak, memoryUsage().rss);
  return { cpuMs: (cpu.user + cpu.system) / 1000, peakMb: (peak - rss0) / 2 ** 20, outcome };
}

function differentTexts(n: number): [string, string] {
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const text = (chars: string) => Array.from({ length: n }, (_, i) => (i % 30 === 29 ? "。" : i % 600 === 599 ? "\n" : chars[Math.floor(rand() * chars.length)])).join("");
  // Both from the same characters, as two drafts of a section would be: the worst case for the search.
  return [text("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也"), text("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也")];
}

export async function benchBounds() {
  const [before, after] = differentTexts(100_000);
  readableDiff("预热。", "预热一下。");
  const diff = await cost(() => {
    const d = readableDiff(before, after);
    return `${d.segments.length} segments, ${d.byChars ? "by characters" : "by paragraphs and sentences"}`;
  });
  const file = await emptyParagraphsDocx();
  const docx = await cost(async () => {
    try {
      await textOfUpload("hostile.docx", file);
      return "accepted";
    } catch (err) {
      return `refused: ${(err as Error).message}`;
    }
  });
  return { diff, docx: { ...docx, fileBytes: file.length } };
}
