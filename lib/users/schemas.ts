// One zod schema per input, shared by the forms (react-hook-form) and the server.
import { z } from "zod";
import { id, line, secret, visible } from "../core/validation";
import { ROLES } from "../core/permissions";
import { passwordProblem, passwordProblems } from "../auth/password-policy";

export const usernameSchema = line()
  .trim()
  .min(2, "用户名至少 2 个字符。")
  .max(32, "用户名最多 32 个字符。")
  .regex(/^[a-z0-9_.-]+$/, "用户名只能包含小写字母、数字、下划线、点和连字符。");

export const passwordSchema = secret()
  .max(128, "密码最多 128 个字符。")
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const roleListSchema = z.array(z.enum(ROLES)).min(1, "请至少选择一个角色。");

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: line().trim().min(1, "请输入姓名。").max(40, "姓名最多 40 个字符。").check(visible),
    password: passwordSchema,
    roles: roleListSchema,
    /** for notices by e-mail when an SMTP server is configured */
    email: z.union([z.literal(""), z.email("电子邮箱格式不正确。").max(120)]).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // Only what the user name adds: the field's own rules were reported by passwordSchema.
    const own = new Set(passwordProblems(v.password));
    const more = passwordProblems(v.password, v.username).filter((p) => !own.has(p));
    if (more.length) ctx.addIssue({ code: "custom", path: ["password"], message: more.join("") });
  });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setRolesSchema = z.object({ userId: id(), roles: roleListSchema }).strict();
export const resetPasswordSchema = z.object({ userId: id(), password: passwordSchema }).strict();
export const setActiveSchema = z.object({ userId: id(), active: z.boolean() }).strict();

export const firstAdminSchema = z
  .object({
    officeCode: line().trim().regex(/^[a-z0-9-]{2,32}$/, "机关代码只能包含小写字母、数字和连字符（2–32 个字符）。"),
    officeName: line().trim().min(2, "请输入机关简称，如“大场镇”。").max(40),
    officeFullName: line().trim().min(2, "请输入机关全称。").max(80),
    headerMark: line().trim().min(2, "请输入发文机关标志，如“大场镇人民政府文件”。").max(40),
    docCodePrefix: line().trim().min(1, "请输入机关代字，如“宝大府”。").max(20).check(visible),
    username: usernameSchema,
    displayName: line().trim().min(1, "请输入姓名。").max(40).check(visible),
    password: passwordSchema,
  })
  .strict();

export const changeOwnPasswordSchema = z
  .object({ current: secret().min(1, "请输入当前密码。").max(256), next: passwordSchema })
  .strict()
  .refine((v) => v.current !== v.next, { path: ["next"], message: "新密码不能与当前密码相同。" });
