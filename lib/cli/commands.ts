// The admin CLI for the people who run the server (npm run cli -- <command>).
// Whoever has a shell on the server is its superuser, so these commands act as
// "cli" without a session; they validate with the same zod schemas and write
// audit entries like the app. Output is plain lines; a command that creates
// something prints the new id on its last line.
import "server-only";
import { overviewOf } from "../district/overview";
import { parseArgs } from "node:util";
import type { Db } from "../db/client";
import { recordAudit, verifyAuditChain } from "../audit/record";
import { checkpointHead, checkpointRestore, chainHead } from "../audit/checkpoints";
import { chinaDateTime } from "../core/dates";
import type { ChainEvent, ChainProblem } from "../audit/hash";
import { createClient } from "../db/client";
import { writeFileSync } from "node:fs";
import { line, parseInput, visible } from "../core/validation";
import { AppError } from "../core/errors";
import { createOffice } from "../offices/service";
import { insertUser } from "../users/service";
import { listOffices } from "../db/office-tree";
import { listAllReports } from "../sections/queries";
import { passwordSchema, roleListSchema, usernameSchema } from "../users/schemas";
import { z } from "zod";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { textOfUpload } from "../import/preview";
import { importReview } from "../suggestions/review-import";
import { actorOfUser } from "../auth/session-store";
import { allParagraphs } from "../core/text/parse-text";
import { importReportAsOperator } from "../reports/create";
import { writeFile } from "node:fs/promises";
import { verifyArchive } from "../archive/pack";
import { translate } from "../core/i18n/messages";
import { EXPORT_FORMATS, renderReportFile, type ExportFormat } from "../export/service";
import { backup, migrateData, OpsError, restore } from "../ops/backup";
import { databaseUrl } from "../db/config";

export class CliError extends Error {}

const CHAIN_PROBLEMS: Record<ChainProblem["problem"], string> = {
  edited: "内容被修改",
  "broken-link": "之前的记录被删除或改动（链断开）",
  "unkeyed-after-keyed": "在带密钥的记录之后出现了不带密钥的记录（链被重算）",
  truncated: "检查点记下的这条记录已不存在（末尾被删除）",
  rewritten: "与检查点记下的不一致（链被改写）",
  cut: "审计记录在这一条之后被截断（检查点文件记有其后的记录）",
  "missing-checkpoint": "审计链记录了这个检查点，检查点文件中却没有（检查点文件丢失或被替换）",
};

/** What `audit verify` says: what happened to the database once each, then each problem, then the tail not checkpointed. */
export function chainReport(problems: ChainProblem[], afterLastCheckpoint: number, events: ChainEvent[]): string[] {
  const lines = events.map((e) =>
    e.event === "restore"
      ? `${chinaDateTime(e.at, true)} 从备份恢复，审计链从第 ${e.seq} 条起接续 / restored from backup at ${chinaDateTime(e.at, true)} (China time); the chain goes on from entry #${e.seq}`
      : `${chinaDateTime(e.at, true)} 启用了新的数据库 / a new database was started at ${chinaDateTime(e.at, true)} (China time)`,
  );
  for (const p of problems) {
    if (p.problem === "cut") lines.push(`审计记录在第 ${p.seq} 条（${chinaDateTime(p.at, true)}）之后被截断 / the record was cut after entry #${p.seq} (${chinaDateTime(p.at, true)})`);
    else if (p.problem === "rewritten") lines.push(`第 ${p.seq} 条起 ${p.count} 条审计记录${CHAIN_PROBLEMS.rewritten} / from entry ${p.seq}: ${p.count} rewritten`);
    else lines.push(`第 ${p.seq} 条审计记录：${CHAIN_PROBLEMS[p.problem]} / entry ${p.seq}: ${p.problem}`);
  }
  if (afterLastCheckpoint) {
    lines.push(`最后一个检查点之后有 ${afterLastCheckpoint} 条记录尚无检查点 / entries after the last checkpoint: ${afterLastCheckpoint} (not checkpointed)`);
  }
  return lines;
}

/** The CLI acts as the server's operator: its changes are recorded as "cli". */
const CLI = { name: "cli" };

export interface CliIO {
  out(line: string): void;
}

const USAGE = `用法 / usage: npm run cli -- <command>
  offices                                   列出机关 / list offices
  office add --code C --name N --full-name F --header-mark M --doc-code P [--parent C]
  users                                     列出用户 / list users
  user add --username U --name N --office C --role R[,R] [--password P] [--email E]
  reports                                   列出报告 / list reports (id, office, year, status, title)
  import <file.docx|file.txt> --office C --year Y [--owner U]   导入报告（U 为全部章节的负责人）/ import a report (U owns every section)
  export <report-id> --format pdf|docx|ofd|html --out <path>  导出 / export a report
  review import <report-id> <file.docx> --by <username>  导入审阅稿（修订和批注成为待处理的修订和评论）/ import a reviewed Word file
  archive verify <file.zip>                 校验归档包：每个文件与清单相符 / check an archive package against its manifest
  overview --office <district> --year Y      区级总览：各镇一行 / one line per town of a district
  backup <file>                             在线备份 / consistent backup while the app runs
  restore <file>                            从备份恢复（SQLite 须先停止应用）/ restore (stop the app first on SQLite)
  migrate-data --to <postgresql url>        把数据迁移到 PostgreSQL / copy all data to PostgreSQL
  audit verify                              校验审计链及其检查点 / verify the audit chain and its checkpoints
  audit checkpoint                          为审计链的最新记录写出检查点（每日 cron）/ checkpoint the chain's head (daily cron)`;

const cliUserSchema = z
  .object({
    username: usernameSchema,
    displayName: line().trim().min(1, "请输入姓名（--name）。").max(40).check(visible),
    officeCode: line().min(1, "请指定机关代码（--office）。"),
    roles: roleListSchema,
    password: passwordSchema.optional(),
    email: z.email("电子邮箱格式不正确。").max(120).optional(),
  })
  .strict();

export async function runCli(argv: string[], db: Db, io: CliIO): Promise<number> {
  const [command, sub, ...rest] = argv;
  const key = ["office", "user", "audit", "review", "archive"].includes(command ?? "") ? `${command} ${sub ?? ""}`.trim() : command;
  const args = ["office", "user", "audit", "review", "archive"].includes(command ?? "") ? rest : argv.slice(1);
  try {
    switch (key) {
      case "offices":
        for (const o of await listOffices(db)) io.out([o.id, o.code, o.name, o.parent?.code ?? "-"].join("\t"));
        return 0;
      case "office add":
        return await addOffice(db, io, args);
      case "users":
        return await listUsers(db, io);
      case "user add":
        return await addUser(db, io, args);
      case "import":
        return await importFile(db, io, args);
      case "export":
        return await exportFile(db, io, args);
      case "review import":
        return await importReviewFile(db, io, args);
      case "archive verify":
        return await verifyArchiveFile(io, args);
      case "overview":
        return await overviewLines(db, io, args);
      case "backup": {
        if (!args[0]) throw new CliError("用法 / usage: npm run cli -- backup <file>");
        // The chain's head goes beside the backup (every entry is in the checkpoint file already).
        const head = await chainHead(db);
        const r = await backup(databaseUrl(), args[0]);
        if (head) writeFileSync(`${args[0]}.chain-head.json`, `${JSON.stringify(head)}\n`, { mode: 0o600 });
        io.out(`已备份 / backed up (${r.kind}, ${r.bytes} bytes): ${args[0]}`);
        return 0;
      }
      case "restore": {
        if (!args[0]) throw new CliError("用法 / usage: npm run cli -- restore <file>");
        await db.$disconnect();
        await restore(databaseUrl(), args[0]);
        // The chain is back at the backup's head: say so in the checkpoint file.
        const restored = createClient(databaseUrl());
        try {
          await checkpointRestore(restored);
          // The restore is a change like any other: the record's first entry after the backup's head.
          await recordAudit(restored, { actorName: CLI.name, action: "ops.restore", objectType: "database", detail: { file: args[0] } });
        } finally {
          await restored.$disconnect();
        }
        io.out(`已恢复 / restored from ${args[0]}`);
        return 0;
      }
      case "migrate-data": {
        const to = options(args, ["to"]).to;
        if (!to) throw new CliError("用法 / usage: npm run cli -- migrate-data --to <postgresql url>");
        const counts = await migrateData(databaseUrl(), to, io.out);
        io.out(`已迁移 / migrated ${Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)} rows; set DATABASE_URL to the new database and restart.`);
        return 0;
      }
      case "reports":
        for (const r of await listAllReports(db)) io.out([r.id, r.office.code, r.year, r.status, r.title].join("\t"));
        return 0;
      case "audit verify": {
        const { entries, checkpoints, problems, afterLastCheckpoint, events } = await verifyAuditChain(db);
        for (const line of chainReport(problems, afterLastCheckpoint, events)) io.out(line);
        if (problems.length) throw new CliError(`审计链校验失败：${problems.length} 处问题。/ audit chain broken`);
        io.out(`审计链完整：${entries} 条记录，与 ${checkpoints} 个检查点一致。/ audit chain intact: ${entries} entries, ${checkpoints} checkpoints agree`);
        return 0;
      }
      case "audit checkpoint":
      case "audit anchor": { // its name before checkpoints were called so, still in crontabs
        const checkpoint = await checkpointHead(db);
        io.out(checkpoint ? `已写出检查点 / checkpointed: entry ${checkpoint.seq}` : "审计链为空 / the chain is empty");
        return 0;
      }
      default:
        throw new CliError(command ? `未知命令“${argv.join(" ")}”。\n${USAGE}` : USAGE);
    }
  } catch (err) {
    if (err instanceof CliError || err instanceof AppError || err instanceof OpsError) {
      throw new CliError(err.message);
    }
    throw err;
  }
}

function options(args: string[], names: string[]) {
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    });
    return values as Record<string, string | undefined>;
  } catch (err) {
    throw new CliError(`参数有误 / bad arguments: ${err instanceof Error ? err.message : err}`);
  }
}

async function addOffice(db: Db, io: CliIO, args: string[]) {
  const o = options(args, ["code", "name", "full-name", "header-mark", "doc-code", "parent"]);
  const office = await createOffice(db, CLI, {
    code: o.code ?? "", name: o.name ?? "", fullName: o["full-name"] ?? "", headerMark: o["header-mark"] ?? "", docCodePrefix: o["doc-code"] ?? "", parentCode: o.parent,
  });
  io.out(`已创建机关 / created office ${office.code}`);
  io.out(office.id);
  return 0;
}

async function listUsers(db: Db, io: CliIO) {
  const users = await db.user.findMany({ orderBy: { username: "asc" }, include: { memberships: { include: { office: true } } } });
  for (const u of users) {
    const roles = u.memberships.map((m) => `${m.role}@${m.office.code}`).join(",") || "-";
    io.out([u.id, u.username, u.displayName, u.active ? "active" : "inactive", roles].join("\t"));
  }
  return 0;
}

async function addUser(db: Db, io: CliIO, args: string[]) {
  const o = options(args, ["username", "name", "office", "role", "password", "email"]);
  const input = parseInput(cliUserSchema, {
    username: o.username, displayName: o.name, officeCode: o.office, roles: (o.role ?? "").split(",").filter(Boolean), password: o.password, email: o.email,
  });
  const office = await db.office.findUnique({ where: { code: input.officeCode } });
  if (!office) throw new CliError(`机关“${input.officeCode}”不存在。`);
  const password = input.password ?? randomBytes(9).toString("base64url");
  const user = await insertUser(db, office.id, { ...input, password }, { actorName: CLI.name });
  io.out(`已创建用户 / created user ${input.username} (${input.roles.join(",")}@${office.code})`);
  if (!input.password) io.out(`初始密码 / initial password: ${password}`);
  io.out(user.id);
  return 0;
}

async function importFile(db: Db, io: CliIO, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { office: { type: "string" }, year: { type: "string" }, owner: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`参数有误 / bad arguments: ${err instanceof Error ? err.message : err}`);
  }
  const [file] = parsed.positionals;
  const { office, year, owner } = parsed.values;
  if (!file || !office || !year) throw new CliError("用法 / usage: npm run cli -- import <file.docx|file.txt> --office <code> --year <year> [--owner <username>]");
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new CliError(`无法读取文件“${file}”。`);
  }
  const { text, notes } = await textOfUpload(basename(file), bytes);
  const { id, parsed: report } = await importReportAsOperator(db, office, Number(year), text, owner);
  const count = (list: typeof report.sections): number => list.reduce((n, s) => n + 1 + count(s.children), 0);
  io.out(`已导入 / imported: ${count(report.sections)} 个章节 / sections, ${allParagraphs(report.sections).length} 个段落 / paragraphs`);
  for (const note of [...notes, ...report.notes]) io.out(`说明 / note: ${note}`);
  io.out(id);
  return 0;
}

/** A reviewed Word file into suggestions and comments, as the user `--by` would upload it; the last line counts them. */
async function importReviewFile(db: Db, io: CliIO, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { by: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`参数有误 / bad arguments: ${err instanceof Error ? err.message : err}`);
  }
  const [reportId, file] = parsed.positionals;
  const by = parsed.values.by;
  if (!reportId || !file || !by) throw new CliError("用法 / usage: npm run cli -- review import <report-id> <file.docx> --by <username>");
  const user = await db.user.findUnique({ where: { username: by } });
  const actor = user?.active ? await actorOfUser(db, user.id) : null;
  if (!actor) throw new CliError(`“${by}”不是在岗的用户。`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new CliError(`无法读取文件“${file}”。`);
  }
  const result = await importReview(db, actor, reportId, bytes);
  for (const s of result.sections) io.out(`${s.title ?? "导语"}: ${s.suggestions.length} 处修订 / suggestions, ${s.comments} 条评论 / comments`);
  for (const u of result.unplaced) io.out(`未能放置 / unplaced (第 ${u.paragraph + 1} 段 / paragraph, ${u.reason}): ${u.text.slice(0, 40)}`);
  if (result.formatRevisions) io.out(`仅格式的修订已忽略 / formatting-only revisions ignored: ${result.formatRevisions}`);
  io.out(`suggestions ${result.counts.suggestions}, comments ${result.counts.comments}, unplaced ${result.counts.unplaced}`);
  return 0;
}

async function exportFile(db: Db, io: CliIO, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { format: { type: "string" }, out: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`参数有误 / bad arguments: ${err instanceof Error ? err.message : err}`);
  }
  const [reportId] = parsed.positionals;
  const format = parsed.values.format ?? "pdf";
  if (!reportId) throw new CliError("用法 / usage: npm run cli -- export <report-id> --format pdf|docx|ofd|html --out <path>");
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(translate("zh", "export.formatInvalid"));
  if (!(await db.report.findUnique({ where: { id: reportId } }))) throw new CliError(`报告“${reportId}”不存在。`);
  const file = await renderReportFile(db, reportId, format as ExportFormat);
  const out = parsed.values.out ?? file.fileName;
  await writeFile(out, file.body);
  io.out(`已导出 / exported: ${out}${file.draft ? "（草稿 / draft）" : ""}`);
  return 0;
}

/** An archive package checked against its manifest: one line per problem naming the file, exit 1; or one line saying all is well. */
async function verifyArchiveFile(io: CliIO, args: string[]) {
  if (!args[0]) throw new CliError("用法 / usage: npm run cli -- archive verify <file.zip>");
  const problems = verifyArchive(await readFile(args[0]));
  if (problems.length) throw new CliError(problems.map((p) => `归档包校验失败 / archive check failed: ${p}`).join("\n"));
  io.out(`归档包完好 / archive intact: ${args[0]}`);
  return 0;
}

/** One line per town: code, status, sections passed/total, missing parts (or 无缺项), 报送 and 公开 dates (or -), days late. */
async function overviewLines(db: Db, io: CliIO, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { office: { type: "string" }, year: { type: "string" } }, strict: true });
  } catch (err) {
    throw new CliError(`参数有误 / bad arguments: ${err instanceof Error ? err.message : err}`);
  }
  const { office, year } = parsed.values;
  if (!office || !year || !/^\d{4}$/.test(year)) throw new CliError("用法 / usage: npm run cli -- overview --office <district> --year <year>");
  const district = await db.office.findUnique({ where: { code: office } });
  if (!district) throw new CliError(`机关“${office}”不存在。`);
  const { rows } = await overviewOf(db, district, Number(year));
  if (!rows.length) throw new CliError(`“${office}”下没有镇。`);
  for (const r of rows) {
    io.out([r.code, r.status ?? "none", `${r.passed}/${r.total}`, r.missing.length ? r.missing.join("、") : "无缺项", r.sentOn ?? "-", r.publishedOn ?? "-", String(Math.max(r.submitLate, r.publishLate))].join("\t"));
  }
  return 0;
}
