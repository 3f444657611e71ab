// A migration script cut into its statements, for PostgreSQL.
//
// @prisma/adapter-pg runs a script by splitting it on every ';', which cuts a
// function body ($$ … $$) apart. This splitter skips what PostgreSQL's lexer skips:
// quoted strings and identifiers, comments and dollar-quoted bodies. Hand-written
// because the libraries that do it (@databases/split-sql-query) take their own query
// objects and another package for a 60-line job.
import "server-only";
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/;

export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const skipTo = (end: string, from: number) => {
    const at = script.indexOf(end, from);
    return at < 0 ? script.length : at + end.length;
  };
  while (i < script.length) {
    const c = script[i];
    if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped quote: the loop just meets it again.
      i = skipTo(c, i + 1);
    } else if (c === "-" && script[i + 1] === "-") {
      i = skipTo("\n", i + 2);
    } else if (c === "/" && script[i + 1] === "*") {
      i = skipTo("*/", i + 2);
    } else if (c === "$" && DOLLAR_TAG.test(script.slice(i)) && !/[A-Za-z_0-9]/.test(script[i - 1] ?? "")) {
      const tag = DOLLAR_TAG.exec(script.slice(i))![0];
      i = skipTo(tag, i + tag.length);
    } else if (c === ";") {
      statements.push(script.slice(start, i));
      i++;
      start = i;
    } else {
      i++;
    }
  }
  statements.push(script.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.length > 0 && !isOnlyComments(s));
}

function isOnlyComments(statement: string): boolean {
  return statement.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "").trim() === "";
}
