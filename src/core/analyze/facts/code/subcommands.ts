import type { SyntaxNode } from '../syntax/parse.js';
import { attributesBefore, touchedWithAttributes } from './declarations.js';
import type { DeclarationContext } from './declarations.js';
import { MODEL_LIMITS } from './model.js';
import { STRING_TYPES, stringContent } from './syntaxValues.js';

/**
 * Declarations read for command-line subcommands: a Rust enum's variants with their attributes (clap's
 * `#[derive(Subcommand)]` enums; flagRules.ts decides which are subcommands). Only variants on changed lines.
 */
function rustEnum(node: SyntaxNode, context: DeclarationContext): void {
  const name = node.childForFieldName('name')?.text;
  const body = node.childForFieldName('body');
  if (!name || body?.type !== 'enum_variant_list') return;
  const containerAttributes = attributesBefore(node);
  if (!containerAttributes.some((item) => item.name === 'derive' && item.args.some((arg) => /(?:^|::)Subcommand$/.test(arg.text)))) return;
  for (const variant of body.namedChildren) {
    if (variant?.type !== 'enum_variant' || context.model.fields.length >= MODEL_LIMITS.fields) continue;
    const variantName = variant.childForFieldName('name')?.text;
    if (!variantName) continue;
    if (!touchedWithAttributes(context, variant)) continue;
    context.model.fields.push({
      name: variantName, container: name, attributes: attributesBefore(variant), containerAttributes, line: variant.startPosition.row + 1, variant: true,
    });
  }
}

/** A cobra command: `&cobra.Command{Use: "agent [flags]", …}` is the subcommand `agent`, read where its `Use` changed. */
function cobraCommand(node: SyntaxNode, context: DeclarationContext): void {
  const type = node.childForFieldName('type')?.text ?? '';
  if (!/(?:^|\.)Command$/.test(type) || context.model.commands.length >= MODEL_LIMITS.fields) return;
  for (const element of node.childForFieldName('body')?.namedChildren ?? []) {
    if (element?.type !== 'keyed_element') continue;
    const key = element.childForFieldName('key') ?? element.namedChild(0);
    if (key?.text !== 'Use') continue;
    if (!context.touches(element.startPosition.row + 1, element.endPosition.row + 1)) return;
    let value = element.childForFieldName('value') ?? element.namedChild(1);
    if (value?.type === 'literal_element') value = value.namedChild(0);
    if (!value || !STRING_TYPES.has(value.type)) return;
    const word = stringContent(value.text).trim().split(/\s+/)[0] ?? '';
    if (word !== '') context.model.commands.push({ name: word, framework: 'cobra', line: element.startPosition.row + 1 });
    return;
  }
}

export const SUBCOMMAND_HANDLERS: ReadonlyMap<string, (node: SyntaxNode, context: DeclarationContext) => void> = new Map([
  ['enum_item', rustEnum],
  ['composite_literal', cobraCommand],
]);
