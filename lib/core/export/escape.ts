// Escaping for the markup the writers produce: the HTML publication, the SVG page previews and the OFD's XML
// all escape user text the same way, so they share this one function.
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
