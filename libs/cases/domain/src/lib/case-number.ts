/** `<prefix>-<year>-<sequence>`, the sequence padded to six digits: HR-2026-004211. */
export function formatCaseNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

const CASE_NUMBER = /^([A-Z]{2,6})-(\d{4})-(\d{6,})$/;

export function parseCaseNumber(
  value: string,
): { prefix: string; year: number; sequence: number } | undefined {
  const match = CASE_NUMBER.exec(value.trim().toUpperCase());
  if (!match) return undefined;
  return { prefix: match[1]!, year: Number(match[2]), sequence: Number(match[3]) };
}
