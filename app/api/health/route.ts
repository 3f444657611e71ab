import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { databaseHealth } from "@/lib/db/errors";

export async function GET() {
  const health = await databaseHealth(getDb());
  return NextResponse.json(health, { status: health.ok ? 200 : 503 });
}
