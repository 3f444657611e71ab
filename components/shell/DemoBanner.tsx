// Says, on every page, that the demo data is loaded: nobody should mistake it for the office's real system.
export function DemoBanner({ text }: { text: string }) {
  return (
    <p role="note" className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-900" data-testid="demo-banner">
      {text}
    </p>
  );
}
