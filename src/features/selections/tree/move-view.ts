import { api } from '@/api/client';
import type { Paged } from '@/api/paging';
import { type ApiRule, createPath, type SelectionOwner, selectionPaths, type View } from '@/api/selections';
import { draftFromApi, EMPTY_DRAFT } from '../model/draft.utils';
import { planSave, stepRequest } from '../model/save-plan.utils';

/**
 * v3 has no "move" (docs/api/selections.md §3.1 V4): recreate the view, its rules and its subviews under the new
 * parent, delete the original subtree, then give the copies their original names (names are unique per
 * database, so the copies start with temporary names). ReferView conditions inside the subtree that point
 * into it follow the new IDs.
 */
type Node = { view: View; rules: ApiRule[]; children: Node[] };

async function readTree(viewId: string): Promise<Node> {
  const [view, rules, kids] = await Promise.all([
    api.get<View>(selectionPaths.view(viewId)),
    api.get<Paged<ApiRule>>(selectionPaths.rules('view', viewId), { start: 0, limit: 1000 }),
    api.get<Paged<View>>(selectionPaths.childViews(viewId), { start: 0, limit: 1000 }),
  ]);
  return { view, rules: rules.data, children: await Promise.all(kids.data.map((k) => readTree(String(k.ID)))) };
}

function countSteps(n: Node): number {
  return 2 + planSave(EMPTY_DRAFT, draftFromApi(n.rules)).length + n.children.reduce((a, c) => a + countSteps(c), 0);
}

export async function moveView(viewId: string, target: SelectionOwner, onProgress: (done: number, total: number) => void): Promise<string> {
  const root = await readTree(viewId);
  const total = countSteps(root) + 1;
  let done = 0;
  const tick = () => onProgress(++done, total);
  const newIds = new Map<string, string>();
  const renames: [string, string][] = [];
  const suffix = `_moving_${Date.now().toString(36)}`;

  async function recreate(node: Node, parent: SelectionOwner): Promise<string> {
    const { createdId } = await api.post(createPath(parent), { name: `${node.view.name}${suffix}`, description: node.view.description });
    if (!createdId) throw new Error('The API created no view');
    tick();
    newIds.set(String(node.view.ID), createdId);
    renames.push([createdId, node.view.name]);
    const draft = draftFromApi(node.rules);
    for (const r of draft.rules)
      for (const c of r.conditions) {
        const ref = c.props['refer-view'];
        if (c.type === 'ReferView' && typeof ref === 'string' && newIds.has(ref)) c.props['refer-view'] = newIds.get(ref) as string;
      }
    const ruleIds = new Map<string, string>();
    const steps = planSave(EMPTY_DRAFT, draft);
    for (const step of steps) {
      const req = stepRequest('view', createdId, step, ruleIds);
      const res = await api.post(req.path, req.body);
      if (step.op === 'createRule' && res.createdId) ruleIds.set(step.ruleKey, res.createdId);
      tick();
    }
    for (const child of node.children) await recreate(child, { kind: 'view', id: createdId });
    return createdId;
  }

  const newRoot = await recreate(root, target);
  await api.delete(selectionPaths.view(viewId));
  tick();
  for (const [id, name] of renames) {
    await api.put(selectionPaths.view(id), { name });
    tick();
  }
  return newRoot;
}
