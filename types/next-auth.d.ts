import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    uid: string;
    /** the server-side session (lib/auth/session-store.ts) */
    sid: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sid?: string;
    lastSeen?: number;
    loginAt?: number;
  }
}
