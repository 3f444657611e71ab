// Counting as Chinese offices count: characters, not words; spaces and line breaks do not count.
export function countChineseChars(text: string): number {
  return [...text.replace(/\s/gu, "")].length;
}
