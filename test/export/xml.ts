// A small reader of the WordprocessingML the exporter writes (elements, attributes, text; no DTDs or CDATA),
// enough to query the parts of a .docx in tests.
import JSZip from 'jszip';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const decode = (value: string) => value.replace(/&(?:lt|gt|amp|quot|apos);/gu, (entity) => entities[entity]!);

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|([^<]+)/gu;
  for (const match of xml.matchAll(token)) {
    const [, closing, name, attributeText, selfClosing, text] = match;
    const parent = stack.at(-1)!;
    if (text !== undefined) {
      parent.text += decode(text);
      continue;
    }
    if (!name) continue;
    if (closing) {
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of (attributeText ?? '').matchAll(/([\w:.-]+)="([^"]*)"/gu)) attributes[attribute[1]!] = decode(attribute[2]!);
    const element: XmlElement = { name, attributes, children: [], text: '' };
    parent.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  return root;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((candidate) => candidate.name === name) ?? [];
}

export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (node: XmlElement) => {
    for (const item of node.children) {
      if (item.name === name) found.push(item);
      walk(item);
    }
  };
  walk(element);
  return found;
}

/** The printed text of a paragraph (its w:t elements). */
export function textOf(element: XmlElement): string {
  return descendants(element, 'w:t').map((item) => item.text).join('');
}

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attributes[name];
}

/** Whether a run property such as w:b is on (present, and not w:val="false"/"0"). */
export function isOn(properties: XmlElement | undefined, name: string): boolean {
  const property = child(properties, name);
  if (!property) return false;
  const value = property.attributes['w:val'];
  return value === undefined || (value !== 'false' && value !== '0');
}

export async function docxParts(bytes: Uint8Array): Promise<Map<string, XmlElement>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, XmlElement>();
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) parts.set(name, parseXml(await zip.file(name)!.async('string')));
  }
  return parts;
}
