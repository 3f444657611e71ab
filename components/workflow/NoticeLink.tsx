"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";
import { markNoticeReadAction } from "@/app/actions/workflow";

/**
 * A notice's link: opening it marks it read. A plain click waits for the mark before it
 * goes, so the page it leads to already counts it read; a click that opens another tab
 * or window marks it on the way.
 */
export function NoticeLink({ id, href, unread, children }: { id: string; href: string; unread: boolean; children: ReactNode }) {
  const router = useRouter();
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    // A right click only opens the browser's menu.
    if (!unread || e.button === 2) return;
    const elsewhere = e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey;
    const marked = markNoticeReadAction({ id });
    if (elsewhere) return;
    e.preventDefault();
    // Opened whatever the answer: the notice is still there to mark next time.
    void marked.finally(() => router.push(href));
  };
  return (
    <Link href={href} onClick={open} onAuxClick={open} className="hover:underline">
      {children}
    </Link>
  );
}
