// Keystroke to paint in the section editor, measured in Chromium with the page's own
// clock: from a key's event time to the first task after the next animation frame
// (the frame that shows the letter). A section of 20,000 characters, 60 keys typed
// at an ordinary pace, with the format checks and autosave running as they do for a user.
import { chromium } from "@playwright/test";
import { BENCH_PASSWORD } from "./server";


export async function keystrokeToPaint(port: number, username: string, path: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage({ baseURL: `http://localhost:${port}`, locale: "zh-CN" });
    await page.goto("/login");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(BENCH_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/reports$/);
    await page.goto(path);
    const editor = page.getByRole("textbox", { name: "正文" });
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.evaluate(() => {
      const w = window as unknown as { keyLatency: number[] };
      w.keyLatency = [];
      document.addEventListener(
        "keydown",
        (e) => requestAnimationFrame(() => setTimeout(() => w.keyLatency.push(performance.now() - e.timeStamp), 0)),
        true,
      );
    });
    for (let i = 0; i < 60; i++) await page.keyboard.press(i % 10 === 9 ? "Space" : "a", { delay: 20 }).then(() => page.waitForTimeout(80));
    await page.waitForTimeout(300);
    const ms = (await page.evaluate(() => (window as unknown as { keyLatency: number[] }).keyLatency)).sort((a, b) => a - b);
    const chars = await editor.evaluate((el) => el.textContent?.length ?? 0);
    const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
    const result = { keys: ms.length, chars, p50: q(0.5), p95: q(0.95), max: ms.at(-1)! };
    console.log(`\nEditor: keystroke to paint in a section of ${chars} characters (${result.keys} keys): p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`);
    return result;
  } finally {
    await browser.close();
  }
}
