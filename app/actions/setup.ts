"use server";

import { headers } from "next/headers";
import { getDb } from "@/lib/db/client";
import { clientIp } from "@/lib/auth/client-ip";
import { createFirstAdmin } from "@/lib/users/service";
import type { firstAdminSchema } from "@/lib/users/schemas";
import type { z } from "zod";
import { readerLocale, toFailure, type ActionResult } from "@/lib/http/action";

/** Public by necessity (no one can log in yet); refused as soon as any user exists. */
export async function setupFirstAdmin(raw: z.input<typeof firstAdminSchema>): Promise<ActionResult<{ userId: string }>> {
  try {
    const { userId } = await createFirstAdmin(getDb(), raw, clientIp(await headers()));
    return { ok: true, data: { userId } };
  } catch (err) {
    return toFailure(err, await readerLocale());
  }
}
