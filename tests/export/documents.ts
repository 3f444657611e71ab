// The documents the export checks lay out, each by name: the demo report; a 上行文
// issued jointly (签发人 line, two issuers in the 标志, two 署名); the Word corpus of
// the fidelity checks, as imported.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { demoDocumentModel, textDocumentModel } from "../../lib/demo/demo-model";
import type { DocumentModel } from "../../lib/core/export/model";
import { textOfUpload } from "../../lib/import/preview";
import { buildCorpus } from "../fixtures/word-corpus";

export async function exportDocuments(): Promise<[string, DocumentModel][]> {
  const models: [string, DocumentModel][] = [
    ["demo", demoDocumentModel({ copyTo: "区依法治区办" })],
    [
      "upward-joint",
      textDocumentModel(
        readFileSync(join(process.cwd(), "lib/demo/dachang-2022-report.txt"), "utf8"),
        { addressee: "区人民政府", signerName: "陈签发", title: "中共上海市宝山区大场镇委员会 上海市宝山区大场镇人民政府关于2022年度法治政府建设情况的报告" },
        { jointIssuers: [{ mark: "中共大场镇委员会", fullName: "中共上海市宝山区大场镇委员会" }] },
      ),
    ],
  ];
  for (const f of await buildCorpus()) models.push([f.name.replace(/\.docx$/, ""), textDocumentModel((await textOfUpload(f.name, f.file)).text)]);
  return models;
}
