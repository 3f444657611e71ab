// What a page shows someone who may not use it (the page exists; the work is not theirs).
export function Refusal({ title, message }: { title?: string; message: string }) {
  return (
    <div role="status" className="rounded-lg bg-white p-8 shadow-sm">
      {title ? <h1 className="text-xl font-semibold">{title}</h1> : null}
      <p className={title ? "mt-2 text-stone-600" : ""}>{message}</p>
    </div>
  );
}
