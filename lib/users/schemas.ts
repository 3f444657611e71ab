// One zod schema per input, shared by the forms (react-hook-form) and the server.
import { z } from "zod";
import { id, line, secret, visible } from "../core/validation";
import { ROLES } from "../core/permissions";
import { passwordProblems } from "../auth/password-policy";

export const usernameSchema = line()
  .trim()
  .min(2, "input.usernameMin")
  .max(32, "input.usernameMax")
  .regex(/^[a-z0-9_.-]+$/, "input.usernameChars");

export const passwordSchema = secret()
  .max(128, "input.passwordMax")
  .superRefine((value, ctx) => {
    // Every rule broken, said at once (lib/core/validation.ts says the sentences in the reader's language).
    const problems = passwordProblems(value);
    if (problems.length) ctx.addIssue({ code: "custom", message: problems[0], params: { sentences: problems } });
  });

export const roleListSchema = z.array(z.enum(ROLES)).min(1, "input.rolesRequired");

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: line().trim().min(1, "input.nameRequired").max(40, "input.nameMax").check(visible),
    password: passwordSchema,
    roles: roleListSchema,
    /** for notices by e-mail when an SMTP server is configured */
    email: z.union([z.literal(""), z.email("input.emailInvalid").max(120)]).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // Only what the user name adds: the field's own rules were reported by passwordSchema.
    const own = new Set(passwordProblems(v.password));
    const more = passwordProblems(v.password, v.username).filter((p) => !own.has(p));
    if (more.length) ctx.addIssue({ code: "custom", path: ["password"], message: more[0], params: { sentences: more } });
  });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setRolesSchema = z.object({ userId: id(), roles: roleListSchema }).strict();
export const resetPasswordSchema = z.object({ userId: id(), password: passwordSchema }).strict();
export const setActiveSchema = z.object({ userId: id(), active: z.boolean() }).strict();

export const firstAdminSchema = z
  .object({
    officeCode: line().trim().regex(/^[a-z0-9-]{2,32}$/, "input.officeCodeChars"),
    officeName: line().trim().min(2, "input.officeNameExample").max(40),
    officeFullName: line().trim().min(2, "input.officeFullNameRequired").max(80),
    headerMark: line().trim().min(2, "input.headerMarkExample").max(40),
    docCodePrefix: line().trim().min(1, "input.docCodePrefixExample").max(20).check(visible),
    username: usernameSchema,
    displayName: line().trim().min(1, "input.nameRequired").max(40).check(visible),
    password: passwordSchema,
  })
  .strict();

export const changeOwnPasswordSchema = z
  .object({ current: secret().min(1, "input.currentPasswordRequired").max(256), next: passwordSchema })
  .strict()
  .refine((v) => v.current !== v.next, { path: ["next"], message: "input.passwordUnchanged" });
