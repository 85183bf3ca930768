import { formatVietnameseDate, isoOf } from '../dates.js';
import type { DocumentSnapshot, FeatureEnv, HoverResult } from '../features/types.js';

/** Hover on a task sentence: how it was read (agency, partners, deadline, report-to). Names and dates have their own hovers. */
export function taskHover(document: DocumentSnapshot, offset: number, env: FeatureEnv): HoverResult | undefined {
  const tasks = document.analysis.facts.tasks.tasks.filter((task) => task.start <= offset && offset < task.end);
  if (!tasks.length) return undefined;
  const vi = env.locale === 'vi';
  const first = tasks[0]!;
  const agencies = tasks.map((task) => task.agency.name).join(', ');
  const lines = [`**${vi ? 'Nhiệm vụ' : 'Task'}**`, '', `${vi ? 'Cơ quan chủ trì' : 'Lead'}: ${agencies}${first.shared ? (vi ? ' (cùng thực hiện)' : ' (shared)') : ''}`];
  if (first.partners.length) lines.push(`${vi ? 'Cơ quan phối hợp' : 'Partners'}: ${first.partners.map((partner) => partner.name).join(', ')}`);
  const deadline = first.deadline;
  if (!deadline) lines.push(`${vi ? 'Thời hạn' : 'Deadline'}: ${vi ? 'không nêu' : 'none given'}`);
  else if (deadline.kind === 'recurring') lines.push(`${vi ? 'Thời hạn' : 'Deadline'}: ${vi ? 'định kỳ, thường xuyên' : 'recurring'} (“${deadline.written}”)`);
  else lines.push(`${vi ? 'Thời hạn' : 'Deadline'}: ${vi ? formatVietnameseDate(deadline.date!) : isoOf(deadline.date!)} (“${deadline.written}”)`);
  if (first.reportTo) lines.push(`${vi ? 'Báo cáo' : 'Report to'}: ${first.reportTo}`);
  return { start: first.start, end: first.end, markdown: lines.join('  \n') };
}
