import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format as prettierFormat, resolveConfig } from 'prettier';
import { describeMachine } from './machine';

export interface BenchmarkRow {
  variant: string;
  [metric: string]: string | number;
}

export interface BenchmarkReport {
  name: string;
  description: string;
  command: string;
  rows: BenchmarkRow[];
  ratios: Record<string, number>;
  notes: string[];
}

/** Writes docs/benchmarks/<name>.json and .md, both naming the machine and the date. */
export async function writeReport(root: string, report: BenchmarkReport): Promise<string> {
  const dir = join(root, 'docs', 'benchmarks');
  mkdirSync(dir, { recursive: true });
  const machine = describeMachine();
  const measuredAt = new Date().toISOString();
  writeFileSync(
    join(dir, `${report.name}.json`),
    `${JSON.stringify({ ...report, machine, measuredAt }, null, 2)}\n`,
  );

  const columns = [...new Set(report.rows.flatMap((row) => Object.keys(row)))];
  const table = [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...report.rows.map((row) => `| ${columns.map((column) => format(row[column])).join(' | ')} |`),
  ].join('\n');
  const ratioLines = Object.entries(report.ratios).map(
    ([name, value]) => `- ${name}: **${value.toFixed(2)}**`,
  );
  const ratios = ratioLines.length
    ? `Ratios, measured in this same run:\n\n${ratioLines.join('\n')}\n\n`
    : '';
  const markdown = `# ${report.name}

${report.description}

Measured ${measuredAt} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}.
Command: \`${report.command}\`

${table}

${ratios}${report.notes.map((note) => `- ${note}`).join('\n')}
`;
  const file = join(dir, `${report.name}.md`);
  // Formatted as the repository's check wants it, so a fresh report never fails `npm test`.
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await prettierFormat(markdown, { ...options, filepath: file }));
  return file;
}

function format(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return value;
}
