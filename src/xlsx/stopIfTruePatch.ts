/**
 * exceljs 4.4 neither reads nor writes a conditional-format rule's `stopIfTrue` attribute: a user's rule
 * that had it loses it on a round trip, and ours cannot set it. This adds the attribute on both sides of the
 * cfRule xform. It is guarded: if the internals are not where we expect, nothing is patched.
 */
interface XmlStreamLike {
  openNode(name: string, attributes?: Record<string, unknown>): void;
}

interface CfRuleXformProto {
  render(xmlStream: XmlStreamLike, model: { stopIfTrue?: boolean }): void;
  createNewModel(node: { attributes: Record<string, string> }): Record<string, unknown>;
  __budgetExecStopIfTrue?: boolean;
}

let patched = false;

export function patchStopIfTrue(): void {
  if (patched) return;
  patched = true;
  let proto: CfRuleXformProto | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    proto = require('exceljs/lib/xlsx/xform/sheet/cf/cf-rule-xform').prototype as CfRuleXformProto;
  } catch {
    return;
  }
  if (!proto || typeof proto.render !== 'function' || typeof proto.createNewModel !== 'function') return;
  if (proto.__budgetExecStopIfTrue) return;
  proto.__budgetExecStopIfTrue = true;

  const render = proto.render;
  proto.render = function (this: CfRuleXformProto, xmlStream: XmlStreamLike, model: { stopIfTrue?: boolean }) {
    if (!model.stopIfTrue) return render.call(this, xmlStream, model);
    // The first node every rule type opens is the <cfRule> element itself: add the attribute there once.
    // An own property shadows the prototype's openNode for one call; deleting it restores the original.
    const stream = xmlStream as unknown as { openNode?: XmlStreamLike['openNode'] };
    const openNode = xmlStream.openNode;
    stream.openNode = function (this: XmlStreamLike, name: string, attributes?: Record<string, unknown>) {
      delete stream.openNode;
      return openNode.call(this, name, name === 'cfRule' ? { ...attributes, stopIfTrue: '1' } : attributes);
    };
    try {
      render.call(this, xmlStream, model);
    } finally {
      delete stream.openNode;
    }
  };

  const createNewModel = proto.createNewModel;
  proto.createNewModel = function (this: CfRuleXformProto, node: { attributes: Record<string, string> }) {
    const model = createNewModel.call(this, node);
    const v = node.attributes?.stopIfTrue;
    if (v === '1' || v === 'true') model.stopIfTrue = true;
    return model;
  };
}
