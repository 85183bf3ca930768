import type { NoticeModel, TextBlock } from '../model.js';
import type { AgencyMention } from '../extract/agencies.js';
import type { DateMention } from '../extract/dates.js';
import type { NumberMarker, Numbering } from '../extract/numbering.js';
import type { Span } from '../types.js';
import type { Province } from '../../knowledge/types.js';
import { deadlineDate } from './deadline.js';
import type { Task, TaskAgency, TaskDeadline, TaskExtraction, TaskSource } from './types.js';

/**
 * Assignments of a conclusion notice, read from the model and the located
 * agencies and dates (never re-scanned here): who leads, who takes part,
 * what, by when, reporting to whom. The rules of reading are in docs/tasks.md.
 */
export interface TaskFacts {
  readonly agencies: AgencyMention[];
  readonly dates: DateMention[];
  readonly numbering: Numbering;
}

const L = '\\p{L}';
const NOT_LETTER_AFTER = `(?![${L}\\p{N}])`;

/** Kinds of bodies a group names ("các bộ, ngành, địa phương"); the group is one assignee. */
const GROUP_NOUN =
  'bộ|ngành|cơ quan(?: ngang bộ| thuộc Chính phủ| chủ quản| chức năng| thông tin đại chúng)?|địa phương|đơn vị|tổ chức|tỉnh|thành phố(?: trực thuộc trung ương)?|thành viên(?: của Ban Chỉ đạo| Hội đồng)?|tổ công tác|chủ đầu tư|doanh nghiệp|tập đoàn|tổng công ty|cá nhân|ủy ban chuyên môn(?: của Hội đồng)?';
const GROUP = new RegExp(
  `(?:các|từng|mỗi)\\s+(?:${GROUP_NOUN})(?:(?:\\s*,\\s*|\\s+và\\s+|\\s+)(?:các\\s+|từng\\s+)?(?:${GROUP_NOUN})${NOT_LETTER_AFTER})*(?:\\s+(?:có\\s+)?liên\\s+quan)?${NOT_LETTER_AFTER}`,
  'iuy',
);
/** "các Bộ, cơ quan: …", "14 Bộ, cơ quan: …", "các tỉnh, thành phố: …" before a list of names without their head word. */
const LIST_HEAD = /(?:các\s+)?(?:\d+\s+)?(?:bộ|cơ quan|tỉnh|thành phố|tập đoàn|tổng công ty)(?:\s*,\s*(?:cơ quan|ngành|thành phố|tỉnh|tổng công ty)(?:\s+(?:ngang bộ|trực thuộc trung ương))?)*\s*:\s*/iuy;
const PROVINCE_PREFIX = /(?:các\s+)?(?:tỉnh|thành phố|tp\.?)\s+/iuy;
const UBND_PROVINCES = /\s+(các\s+tỉnh(?:\s*,\s*thành\s+phố)?(?:\s+trực\s+thuộc\s+trung\s+ương)?|cấp\s+tỉnh)/iuy;
const UBND_ONE = /\s+(?:tỉnh|thành phố|tp\.?)\s+/iuy;
const SEPARATOR = /\s*(?:,\s*(?:và\s+)?|\s+và\s+)|\s+(?=các\s+tỉnh\s)/uy;
const PARENTHESIS = /\s*\([^()]*\)/uy;
const TITLE = /(?:các\s+)?(?:đồng chí\s+)?(?:chủ tịch|bộ trưởng|thủ trưởng|tổng giám đốc|giám đốc|lãnh đạo|người đứng đầu)\s+/iuy;
const CUE = /(giao|yêu cầu|đề nghị)\s+/iuy;
const MID_CUE = /,\s*(giao|yêu cầu|đề nghị)\s+/giu;
/** Openings that set the scene before the subject ("Về Sổ sức khỏe điện tử, Bộ Y tế …"). */
// Deadlines too: "Chậm nhất ngày 31 tháng 01 năm 2027, Bộ Tài chính ban hành …" names its agency after the comma.
const INTRO = /^(?:về|đối với|trên cơ sở|trường hợp|ngay|trước mắt|để|cụ thể|trong đó|đồng thời|riêng|sau khi|căn cứ|theo|tại|với|từ nay|hiện nay|thời gian tới|chậm nhất|trước (?:ngày|tháng|quý)|trong (?:vòng\s+)?(?:tháng|quý|năm|tuần|\d+\s+ngày)|đến (?:hết|cuối|ngày))(?![\p{L}])/iu;
const INTRO_PREPOSITION = /(?:đối với|về)\s+/iuy;
/** Words after a name that show it is not the subject of an order ("Bộ Công an đã …", "… là …"). */
const NOT_A_PREDICATE = new Set(['đã', 'là', 'của', 'được', 'đang', 'chưa', 'vẫn', 'còn', 'mới', 'thì', 'cũng', 'tại', 'trong', 'về', 'và', 'hoặc', 'như', 'nên', 'do', 'bị', 'sẽ', 'không', 'gồm', 'đều', 'ở', 'vừa', 'này', 'đó', 'khi', 'để', 'theo', 'từ', 'đến', 'qua', 'cho', 'nhằm', 'sau', 'trước']);
/** How an order without a subject starts: it then goes to the agency of the heading above. */
const ORDER_OPENINGS = [
  'chủ trì', 'phối hợp', 'tập trung', 'rà soát', 'xây dựng', 'hoàn thiện', 'hoàn thành', 'nghiên cứu', 'khẩn trương', 'sớm', 'tiếp tục', 'đẩy mạnh',
  'đẩy nhanh', 'đôn đốc', 'thường xuyên', 'trình', 'ban hành', 'cập nhật', 'sửa đổi', 'kiểm tra', 'tổng hợp', 'thực hiện', 'triển khai', 'tái cấu trúc',
  'quán triệt', 'chú trọng', 'tuyên truyền', 'hướng dẫn', 'chuẩn bị', 'giải đáp', 'giải quyết', 'thúc đẩy', 'bám sát', 'tổ chức', 'báo cáo', 'đề xuất',
  'theo dõi', 'chỉ đạo', 'chỉ ghi', 'bảo đảm', 'đảm bảo', 'xác định', 'cân đối', 'tăng cường', 'nâng cao', 'phát huy', 'huy động', 'ưu tiên', 'khắc phục',
  'làm việc', 'chậm nhất', 'ngay', 'định kỳ', 'cần', 'phải', 'kiên quyết', 'tích cực', 'phấn đấu', 'lập', 'gửi', 'thẩm định', 'phê duyệt', 'bố trí',
  'hỗ trợ', 'tham mưu', 'cung cấp', 'chủ động', 'cải thiện', 'giám sát', 'nghiêm túc', 'điều chỉnh', 'sơ kết', 'tổng kết', 'nhân rộng', 'tiếp thu',
  'lựa chọn', 'đăng ký', 'kịp thời', 'quyết liệt', 'xử lý', 'đánh giá lại',
];
const ORDER_OPENING = new RegExp(`^(?:${ORDER_OPENINGS.join('|')})${NOT_LETTER_AFTER}`, 'iu');
const UNKNOWN_SUBJECT = /\p{Lu}[\p{L}]*(?:\s+[\p{L}]+){0,3}\s+(?:cần|phải|có trách nhiệm|chủ trì|tiếp tục)\s/u;
const DEADLINE_ONLY = /^(?:phấn đấu\s+)?(?:hoàn thành|thời hạn|thời gian hoàn thành)/iu;
const ENUMERATOR = /(?<=^|[\s;:,])\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|\d{1,2})\)\s+/gu;
const SENTENCE_END = /[.!?](?=\s+[\p{Lu}“"(])/gu;
const SEMICOLON = /;\s+/gu;
const EVALUATION = /đánh giá|kết quả|tình hình|tồn tại|hạn chế|bài học|nguyên nhân/iu;
const DIRECTIVE = /nhiệm vụ|giải pháp|yêu cầu|chỉ đạo|kiến nghị|đề xuất|triển khai/iu;
const CONCLUSION_LEAD = /(?:kết luận|chỉ đạo|thống nhất|ý kiến)[^:]{0,40}:\s*$/iu;
const CLOSING = /thông báo\s+(?:để|đến)[\s\S]*biết/iu;
const STRONG_QUALIFIER = /(?:trong|vào|trước|đến hết|đến cuối|chậm nhất|ngay trong)\s+(?:ngày\s+)?$/iu;
const MEETING_QUALIFIER = /tại\s+phiên\s+họp[^,;.]{0,30}thường\s+kỳ\s+$/iu;
const COMPLETION = /(?:hoàn thành|thời hạn|hạn chót)[^,;.]{0,16}$/iu;
const EXCLUSIVE = /trước\s+(?:ngày\s+)?$/iu;
const OPEN_ENDED = /^\s+(?:và\s+(?:các|những)\s+năm\s+tiếp\s+theo|trở\s+đi)/iu;
const RECURRING_START = /^(?:thường xuyên|định kỳ|hằng (?:tháng|quý|năm|tuần)|hàng (?:tháng|quý|năm|tuần))(?![\p{L}])/iu;
const RECURRING_ANYWHERE = /(?<![\p{L}])định kỳ(?:\s+(?:hằng|hàng)\s+(?:tháng|quý|năm|tuần))?(?![\p{L}])/iu;
const URGENCY = /(?<![\p{L}])(?:sớm|khẩn trương)(?![\p{L}])/iu;
const PARTNER_CUE = /(?<![\p{L}])(?:phối hợp(?:\s+chặt chẽ)?(?:\s+với)?|cùng(?:\s+với)?)\s+/giu;
const REPORT_CUE = /(?<![\p{L}])báo cáo(?:\s+(?:kết quả|đề xuất|tiến độ))?(?:\s+với)?\s+/giu;
const LEADER = /(?:đồng chí\s+)?(?:Phó\s+)?Thủ\s+tướng(?:\s+[Cc]hính\s+phủ)?(?:\s+Thường\s+trực)?(?:\s+[A-ZĐ][\p{L}]*){0,3}|Lãnh đạo Chính phủ/uy;

type Leads =
  | { kind: 'assigned'; source: Exclude<TaskSource, 'heading'>; leads: TaskAgency[]; after: number }
  | { kind: 'heading'; leads: TaskAgency[] }
  | { kind: 'blocked' }
  | { kind: 'none'; from: number };

interface Clause extends Span {
  /** Opened by "(i)", "(ii)", …: a new task even after another one in the paragraph. */
  enumerated: boolean;
}

interface Scope {
  section: TaskAgency[] | null;
  leadIn: TaskAgency[] | null;
  item: TaskAgency[] | null;
  point: TaskAgency[] | null;
}

export function extractTasks(model: NoticeModel, facts: TaskFacts): TaskExtraction {
  return new TaskReader(model, facts).read();
}

class TaskReader {
  private readonly prose: string;
  private readonly mentionAt = new Map<number, AgencyMention>();
  private readonly listMembers = new Map<number, AgencyMention[]>();
  private readonly dates: DateMention[];
  private readonly markers: NumberMarker[];
  private readonly tasks: Task[] = [];
  private readonly unassigned: Span[] = [];

  constructor(
    private readonly model: NoticeModel,
    facts: TaskFacts,
  ) {
    this.prose = model.prose;
    for (const mention of facts.agencies) {
      if (mention.section !== 'body') continue;
      this.mentionAt.set(mention.start, mention);
      if (mention.list !== undefined) {
        const members = this.listMembers.get(mention.list) ?? [];
        members.push(mention);
        this.listMembers.set(mention.list, members);
      }
    }
    this.dates = facts.dates.filter((date) => date.where === 'body' && date.valid && !date.meeting);
    this.markers = facts.numbering.markers;
  }

  read(): TaskExtraction {
    const blocks = this.model.blocks.filter((block) => block.section === 'body' && !block.inFootnote && block.kind !== 'tableCell');
    const lead = blocks.findIndex((block, index) => index < 6 && block.kind === 'paragraph' && CONCLUSION_LEAD.test(this.slice(block)));
    const scope: Scope = { section: null, leadIn: null, item: null, point: null };
    let skipping = false;
    for (let index = lead + 1; index < blocks.length; index++) {
      const block = blocks[index]!;
      const marker = this.markerOf(block);
      const body = this.bodyOf(block, marker);
      const text = this.prose.slice(body.start, body.end);
      if (block.kind === 'heading' || marker?.level === 'section' || marker?.level === 'part') {
        const title = text.replace(/^[IVXLC]+\.\s+/u, '');
        skipping = EVALUATION.test(title) && !DIRECTIVE.test(title);
        scope.section = skipping ? null : this.headingAgencies(body);
        scope.leadIn = scope.item = scope.point = null;
        continue;
      }
      if (block.kind !== 'paragraph' || skipping) continue;
      if (CLOSING.test(text) && /\/\.?\s*$/u.test(text)) break;
      if (marker?.level === 'item') scope.item = scope.point = null;
      if (marker?.level === 'point') scope.point = null;
      if (marker && (marker.level === 'item' || marker.level === 'point') && this.isHeading(text, marker, blocks[index + 1])) {
        const agencies = this.headingAgencies(body);
        if (marker.level === 'item') scope.item = agencies;
        else scope.point = agencies;
        continue;
      }
      if (!marker && /:\s*$/u.test(text)) {
        // A lead-in ("Giao Bộ Kế hoạch và Đầu tư:") gives its agencies to what follows.
        const leads = this.readLeads({ ...body, enumerated: false });
        scope.leadIn = leads.kind === 'assigned' || leads.kind === 'heading' ? leads.leads : null;
        continue;
      }
      this.readBlock(body, scope);
    }
    return { tasks: this.tasks, unassigned: this.unassigned };
  }

  private slice(span: Span): string {
    return this.prose.slice(span.start, span.end);
  }

  /** The numbering marker that opens a block ("2." of a list item, "a)" of a paragraph, "III." of a heading). */
  private markerOf(block: TextBlock): NumberMarker | undefined {
    const lineStart = this.model.text.lastIndexOf('\n', block.start - 1) + 1;
    let low = 0;
    let high = this.markers.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.markers[middle]!.start < lineStart) low = middle + 1;
      else high = middle;
    }
    const marker = this.markers[low];
    return marker && marker.start < block.start + 8 && marker.start < block.end ? marker : undefined;
  }

  /** The block without its marker and surrounding spaces. */
  private bodyOf(block: TextBlock, marker: NumberMarker | undefined): Span {
    let start = marker && marker.whole.end > block.start ? marker.whole.end : block.start;
    let end = block.end;
    while (start < end && /\s/u.test(this.prose[start]!)) start++;
    while (end > start && /\s/u.test(this.prose[end - 1]!)) end--;
    return { start, end };
  }

  /** An item or point that titles what follows: "3. Bộ Thông tin và Truyền thông", "2. Bộ Công an:", or followed by deeper points. */
  private isHeading(text: string, marker: NumberMarker, next: TextBlock | undefined): boolean {
    if (/:\s*$/u.test(text)) return true;
    if (!/[.;!?…]\s*$/u.test(text) && text.length < 200) return true;
    if (marker.level !== 'item' || !next) return false;
    return this.markerOf(next)?.level === 'point';
  }

  /** Agencies a heading names: its subject ("Bộ Công an:", "Các bộ, ngành … tập trung") or its owner ("… của các bộ, ngành, địa phương"). */
  private headingAgencies(body: Span): TaskAgency[] | null {
    const leads = this.readLeads({ ...body, enumerated: false });
    if (leads.kind === 'assigned' || leads.kind === 'heading') return leads.leads;
    const text = this.slice(body);
    const owner = text.lastIndexOf('của ');
    if (owner >= 0) {
      const list = this.parseList(body.start + owner + 4, body.end);
      if (list.agencies.length) return list.agencies;
    }
    return null;
  }

  private readBlock(body: Span, scope: Scope): void {
    let current: Task[] = [];
    let inline: TaskAgency[] | null = null;
    for (const clause of this.clauses(body)) {
      const leads = this.readLeads(clause);
      if (leads.kind === 'heading') {
        inline = leads.leads;
        continue;
      }
      if (leads.kind === 'blocked') {
        current = [];
        continue;
      }
      const deadline = this.deadlineIn(clause);
      if (leads.kind === 'assigned') {
        current = this.addTasks(leads.leads, clause, leads.source, leads.after, deadline);
        continue;
      }
      const opening = this.prose.slice(leads.from, clause.end);
      if (current.length && !clause.enumerated) {
        // A sentence that goes on with the task before it; its deadline ("Hoàn thành trong Quý I năm 2024.") is that task's.
        if (deadline && (DEADLINE_ONLY.test(opening) || current.every((task) => !task.deadline))) for (const task of current) this.setDeadline(task, deadline);
        continue;
      }
      const context = inline ?? scope.point ?? scope.item ?? scope.leadIn ?? scope.section;
      if (context && ORDER_OPENING.test(opening)) {
        current = this.addTasks(context, clause, 'heading', leads.from, deadline);
        continue;
      }
      // A body the knowledge does not know may still be named ("Hội đồng cần …"): then the clause is not unassigned.
      const named = UNKNOWN_SUBJECT.test(this.slice(clause));
      if (deadline?.kind === 'date' && !context && !named && (DEADLINE_ONLY.test(opening) || ORDER_OPENING.test(opening))) this.unassigned.push({ start: clause.start, end: clause.end });
    }
  }

  private setDeadline(task: Task, deadline: TaskDeadline): void {
    task.deadline = deadline;
    delete task.urgency;
  }

  /** Sentences, "(i)"-pieces, and parts after ";" that start with a new subject. */
  private clauses(body: Span): Clause[] {
    const text = this.slice(body);
    const cuts = new Map<number, boolean>();
    for (const match of text.matchAll(ENUMERATOR)) cuts.set(match.index!, true);
    for (const match of text.matchAll(SENTENCE_END)) {
      const before = text.slice(Math.max(0, match.index! - 4), match.index!);
      if (/(?:^|\s)(?:TP|Tp|\p{Lu})$/u.test(before) || /\d$/u.test(before)) continue;
      let next = match.index! + 1;
      while (/\s/u.test(text[next] ?? '')) next++;
      if (!cuts.has(next)) cuts.set(next, false);
    }
    for (const match of text.matchAll(SEMICOLON)) {
      const next = match.index! + match[0].length;
      if (this.parseList(body.start + next, body.end).agencies.length && !cuts.has(next)) cuts.set(next, false);
    }
    const starts = [...cuts.keys()].filter((offset) => offset > 0).sort((a, b) => a - b);
    const clauses: Clause[] = [];
    let from = 0;
    let enumerated = cuts.get(0) ?? false;
    for (const cut of [...starts, text.length]) {
      const span = this.trim(body.start + from, body.start + cut);
      if (span.end > span.start) clauses.push({ ...span, enumerated });
      from = cut;
      enumerated = cuts.get(cut) ?? false;
    }
    for (const clause of clauses) {
      if (!clause.enumerated) continue;
      const marker = /^\([^)]*\)\s+/u.exec(this.slice(clause));
      if (marker) clause.start += marker[0].length;
    }
    return clauses;
  }

  private trim(start: number, end: number): Span {
    while (start < end && /[\s]/u.test(this.prose[start]!)) start++;
    while (end > start && /[\s;,]/u.test(this.prose[end - 1]!)) end--;
    return { start, end };
  }

  /** Who the clause is given to, and where the order starts. */
  private readLeads(clause: Clause): Leads {
    const text = this.slice(clause);
    const candidates = [0];
    // After "Đối với", "Về" a name is the topic; it leads only as a heading ("2. Đối với các bộ, ngành:").
    INTRO_PREPOSITION.lastIndex = 0;
    const topic = INTRO_PREPOSITION.exec(text) ? INTRO_PREPOSITION.lastIndex : -1;
    if (topic > 0) candidates.push(topic);
    if (INTRO.test(text)) {
      for (const match of text.slice(0, 240).matchAll(/[,:]\s+/gu)) candidates.push(match.index! + match[0].length);
    }
    for (const candidate of candidates) {
      const at = clause.start + candidate;
      const cue = this.cueAt(at, clause.end);
      if (cue) {
        if (cue.agencies.length) return this.assigned(cue.agencies, cue.end, clause.end, 'cue');
        if (candidate === 0) return { kind: 'blocked' };
        continue;
      }
      const subject = this.parseList(at, clause.end);
      if (!subject.agencies.length) continue;
      const rest = this.prose.slice(subject.end, clause.end);
      const afterSubject = rest.replace(/^\s+/u, '');
      const next = subject.end + rest.length - afterSubject.length;
      const followingCue = this.cueAt(next, clause.end);
      if (followingCue?.agencies.length) return this.assigned(followingCue.agencies, followingCue.end, clause.end, 'cue');
      if (afterSubject === '' || afterSubject.startsWith(':')) return { kind: 'heading', leads: subject.agencies };
      if (candidate === topic) continue;
      const word = /^[\p{L}]+/u.exec(afterSubject)?.[0];
      // "Các Bộ: … được giao chủ trì xây dựng các Nghị định … cần khẩn trương hoàn thiện": the order comes after the description.
      const described = /^được giao[^.:]*?\s(?=(?:cần|phải)\s)/u.exec(afterSubject);
      if (described) return { kind: 'assigned', source: 'subject', leads: subject.agencies, after: next + described[0].length };
      if (!word || word !== word.toLowerCase() || NOT_A_PREDICATE.has(word)) continue;
      return { kind: 'assigned', source: 'subject', leads: subject.agencies, after: next };
    }
    for (const match of text.matchAll(MID_CUE)) {
      const at = clause.start + match.index! + match[0].length;
      const list = this.parseList(this.skipTitle(at), clause.end);
      if (list.agencies.length) return this.assigned(list.agencies, list.end, clause.end, 'cue');
    }
    let from = clause.start;
    const intro = /^(?:về|đối với)\s[^,:]{1,160}[,:]\s+|^(?:trước mắt|đồng thời|cụ thể|trong đó)[,:]?\s+/iu.exec(text);
    if (intro) from += intro[0].length;
    return { kind: 'none', from };
  }

  private assigned(leads: TaskAgency[], end: number, clauseEnd: number, source: 'cue' | 'subject'): Leads {
    const rest = this.prose.slice(end, clauseEnd);
    if (/^\s*:?\s*$/u.test(rest)) return { kind: 'heading', leads };
    return { kind: 'assigned', source, leads, after: end + (rest.length - rest.trimStart().length) };
  }

  /** "Giao …", "Yêu cầu …", "Đề nghị …" and the agencies after it (titles such as "Chủ tịch" skipped). */
  private cueAt(at: number, end: number): { agencies: TaskAgency[]; end: number } | undefined {
    CUE.lastIndex = at;
    const cue = CUE.exec(this.prose);
    if (!cue || CUE.lastIndex > end) return undefined;
    const list = this.parseList(this.skipTitle(CUE.lastIndex), end);
    return { agencies: list.agencies, end: list.end };
  }

  private skipTitle(at: number): number {
    TITLE.lastIndex = at;
    return TITLE.exec(this.prose) ? TITLE.lastIndex : at;
  }

  /** A run of agencies, provinces and groups joined by commas and "và". */
  private parseList(start: number, end: number): { agencies: TaskAgency[]; end: number } {
    const agencies: TaskAgency[] = [];
    let at = start;
    while (at < end) {
      const items = this.listItemAt(at, end);
      if (!items) break;
      agencies.push(...items.agencies);
      at = items.end;
      PARENTHESIS.lastIndex = at;
      if (PARENTHESIS.exec(this.prose) && PARENTHESIS.lastIndex <= end) at = PARENTHESIS.lastIndex;
      SEPARATOR.lastIndex = at;
      if (!SEPARATOR.exec(this.prose) || SEPARATOR.lastIndex > end || !this.listItemAt(SEPARATOR.lastIndex, end)) break;
      at = SEPARATOR.lastIndex;
    }
    return { agencies: dedupe(agencies), end: agencies.length ? at : start };
  }

  private listItemAt(at: number, end: number): { agencies: TaskAgency[]; end: number } | undefined {
    LIST_HEAD.lastIndex = at;
    if (LIST_HEAD.exec(this.prose) && LIST_HEAD.lastIndex <= end) {
      const first = this.mentionAt.get(LIST_HEAD.lastIndex);
      if (first?.list !== undefined) {
        const members = this.listMembers.get(first.list)!.filter((member) => member.end <= end);
        return { agencies: members.flatMap((member) => this.fromMention(member).agencies), end: members[members.length - 1]!.end };
      }
    }
    const mention = this.mentionAt.get(at);
    if (mention && mention.end <= end) return this.fromMention(mention, end);
    PROVINCE_PREFIX.lastIndex = at;
    if (PROVINCE_PREFIX.exec(this.prose)) {
      const province = this.mentionAt.get(PROVINCE_PREFIX.lastIndex);
      if (province?.province && province.end <= end) return this.fromMention(province, end);
    }
    GROUP.lastIndex = at;
    const group = GROUP.exec(this.prose);
    if (group && GROUP.lastIndex <= end) {
      const written = group[0].replace(/\s+/gu, ' ');
      return { agencies: [{ name: written, group: true, start: at, end: GROUP.lastIndex }], end: GROUP.lastIndex };
    }
    return undefined;
  }

  /** A located name as an assignee: a province stands for its People's Committee; "Ủy ban nhân dân" takes the province after it. */
  private fromMention(mention: AgencyMention, end = this.prose.length): { agencies: TaskAgency[]; end: number } {
    if (mention.province) return { agencies: [provinceCommittee(mention, mention.start)], end: mention.end };
    const agency = mention.agency!;
    if (agency.name === 'Ủy ban nhân dân') {
      UBND_ONE.lastIndex = mention.end;
      const one = UBND_ONE.exec(this.prose) ? this.mentionAt.get(UBND_ONE.lastIndex) : this.mentionAt.get(mention.end + 1);
      if (one?.province && one.end <= end) return { agencies: [provinceCommittee(one, mention.start)], end: one.end };
      UBND_PROVINCES.lastIndex = mention.end;
      const many = UBND_PROVINCES.exec(this.prose);
      if (many && UBND_PROVINCES.lastIndex <= end) {
        const after = /^\s*:\s*/u.exec(this.prose.slice(UBND_PROVINCES.lastIndex, end));
        const first = after ? this.mentionAt.get(UBND_PROVINCES.lastIndex + after[0].length) : undefined;
        if (first?.list !== undefined) {
          const members = this.listMembers.get(first.list)!.filter((member) => member.province && member.end <= end);
          return { agencies: members.map((member) => provinceCommittee(member, mention.start)), end: members[members.length - 1]!.end };
        }
        const written = `Ủy ban nhân dân ${many[1]!.replace(/\s+/gu, ' ').replace(/trung ương/u, 'Trung ương')}`;
        return { agencies: [{ name: written, group: true, agency, start: mention.start, end: UBND_PROVINCES.lastIndex }], end: UBND_PROVINCES.lastIndex };
      }
      // "Ủy ban nhân dân (Thành phố)" alone, in a notice about one province: that province's committee.
      const only = this.onlyCommittee();
      if (only) {
        const city = /^\s+(?:Thành phố|Tỉnh)(?![\p{L}])/u.exec(this.prose.slice(mention.end, end));
        const until = mention.end + (city?.[0].length ?? 0);
        return { agencies: [{ ...provinceCommittee(only, mention.start), end: until }], end: until };
      }
    }
    return { agencies: [{ name: agency.name, agency, group: false, start: mention.start, end: mention.end }], end: mention.end };
  }

  private committee: AgencyMention | null | undefined;

  /** The province of every "Ủy ban nhân dân tỉnh/thành phố X" of the body, when there is exactly one. */
  private onlyCommittee(): AgencyMention | undefined {
    if (this.committee === undefined) {
      const named = new Map<string, AgencyMention>();
      for (const mention of this.mentionAt.values()) {
        if (mention.agency?.name !== 'Ủy ban nhân dân') continue;
        UBND_ONE.lastIndex = mention.end;
        const one = UBND_ONE.exec(this.prose) ? this.mentionAt.get(UBND_ONE.lastIndex) : this.mentionAt.get(mention.end + 1);
        if (one?.province) named.set(one.province.id, one);
      }
      this.committee = named.size === 1 ? [...named.values()][0]! : null;
    }
    return this.committee ?? undefined;
  }

  private addTasks(leads: TaskAgency[], clause: Clause, source: TaskSource, after: number, deadline: TaskDeadline | undefined): Task[] {
    const predicate = this.prose.slice(after, clause.end);
    const leadNames = new Set(leads.map((lead) => lead.name));
    const partners = this.partnersIn(after, clause.end).filter((partner) => !leadNames.has(partner.name));
    const reportTo = this.reportToIn(after, clause.end);
    const recurring = !deadline && (RECURRING_START.test(predicate) || RECURRING_ANYWHERE.exec(predicate));
    let finalDeadline = deadline;
    if (recurring) {
      const match = RECURRING_START.exec(predicate) ?? RECURRING_ANYWHERE.exec(predicate)!;
      const start = after + match.index;
      finalDeadline = { kind: 'recurring', start, end: start + match[0].length, written: match[0] };
    }
    const urgency = finalDeadline ? undefined : URGENCY.exec(predicate);
    const text = this.slice(clause).replace(/\s+/gu, ' ').replace(/[.;:,]+$/u, '').trim();
    const tasks = leads.map((agency) => {
      const task: Task = { start: clause.start, end: clause.end, agency, partners, text, shared: leads.length > 1, source };
      if (finalDeadline) task.deadline = finalDeadline;
      if (reportTo) task.reportTo = reportTo;
      if (urgency) task.urgency = { start: after + urgency.index, end: after + urgency.index + urgency[0].length };
      return task;
    });
    this.tasks.push(...tasks);
    return tasks;
  }

  private partnersIn(start: number, end: number): TaskAgency[] {
    const partners: TaskAgency[] = [];
    const text = this.prose.slice(start, end);
    for (const match of text.matchAll(PARTNER_CUE)) {
      const list = this.parseList(start + match.index! + match[0].length, end);
      partners.push(...list.agencies);
    }
    return dedupe(partners);
  }

  private reportToIn(start: number, end: number): string | undefined {
    const text = this.prose.slice(start, end);
    for (const match of text.matchAll(REPORT_CUE)) {
      const at = start + match.index! + match[0].length;
      LEADER.lastIndex = at;
      const leader = LEADER.exec(this.prose);
      if (leader && LEADER.lastIndex <= end) return leader[0].replace(/\s+/gu, ' ').replace(/chính phủ/u, 'Chính phủ');
      const list = this.parseList(this.skipTitle(at), end);
      if (list.agencies.length) return list.agencies.map((agency) => agency.name).join(', ');
    }
    return undefined;
  }

  /** The first date of the clause written as a deadline ("hoàn thành trong …", "trước ngày …", "vào ngày …"). */
  private deadlineIn(clause: Span): TaskDeadline | undefined {
    // "Ban hành Kế hoạch trong năm 2024, hoàn thành trong tháng 01 năm 2024": the date after "hoàn thành" wins over a bare "trong".
    let best: { mention: DateMention; qualifier: RegExpExecArray; before: string; rank: number } | undefined;
    for (const mention of this.dates) {
      if (mention.start < clause.start) continue;
      if (mention.end > clause.end) break;
      const before = this.prose.slice(Math.max(clause.start, mention.start - 40), mention.start);
      if (OPEN_ENDED.test(this.prose.slice(mention.end, mention.end + 40))) continue;
      const qualifier = STRONG_QUALIFIER.exec(before) ?? MEETING_QUALIFIER.exec(before);
      if (!qualifier && !mention.deadline) continue;
      const rank = !mention.deadline ? 0 : COMPLETION.test(before) ? 2 : 1;
      if (!best || rank > best.rank) best = { mention, qualifier: qualifier ?? /$/u.exec(before)!, before, rank };
    }
    return best ? this.deadlineFrom(best.mention, best.qualifier, best.before) : undefined;
  }

  private deadlineFrom(mention: DateMention, qualifier: RegExpExecArray, before: string): TaskDeadline {
    const start = mention.start - (before.length - qualifier.index);
    return {
      kind: 'date',
      date: deadlineDate(mention, EXCLUSIVE.test(before)),
      start,
      end: mention.end,
      written: this.prose.slice(start, mention.end).replace(/\s+/gu, ' '),
    };
  }
}

function provinceCommittee(mention: AgencyMention, start: number): TaskAgency {
  const province = mention.province!;
  return { name: committeeName(province), province, group: false, start, end: mention.end };
}

/** "Ủy ban nhân dân tỉnh Hưng Yên", "Ủy ban nhân dân thành phố Hồ Chí Minh". */
function committeeName(province: Province): string {
  const name = province.name.replace(/^Thành phố\s+/u, '');
  return `Ủy ban nhân dân ${province.type === 'tinh' ? 'tỉnh' : 'thành phố'} ${name}`;
}

function dedupe(agencies: TaskAgency[]): TaskAgency[] {
  const seen = new Set<string>();
  return agencies.filter((agency) => !seen.has(agency.name) && seen.add(agency.name));
}
