import { deleteSelection, runSelectionWrites, updateSelection } from '@/api/selection-writes';
import { type ApiRule, fetchRules, fetchSelection, fetchSelectionsIn, type SelectionOwner, type View } from '@/api/selections';
import { draftFromApi, EMPTY_DRAFT } from '../model/draft.utils';
import { planSave } from '../model/save-plan.utils';

/**
 * v3 has no "move" (docs/api/selections.md §3.1 V4): recreate the view, its rules and its subviews under the new
 * parent, delete the original subtree, then give the copies their original names (names are unique per
 * database, so the copies start with temporary names). ReferView conditions inside the subtree that point
 * into it follow the new IDs.
 */
type Node = { view: View; rules: ApiRule[]; children: Node[] };

async function readTree(viewId: string): Promise<Node> {
  const [view, rules, kids] = await Promise.all([
    fetchSelection('view', viewId),
    fetchRules('view', viewId),
    fetchSelectionsIn({ kind: 'view', id: viewId }),
  ]);
  return { view: view as View, rules, children: await Promise.all(kids.map((k) => readTree(String(k.ID)))) };
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
    const draft = draftFromApi(node.rules);
    for (const r of draft.rules)
      for (const c of r.conditions) {
        const ref = c.props['refer-view'];
        if (c.type === 'ReferView' && typeof ref === 'string' && newIds.has(ref)) c.props['refer-view'] = newIds.get(ref) as string;
      }
    const { selectionId } = await runSelectionWrites(
      {
        scope: 'view',
        createIn: parent,
        settings: { name: `${node.view.name}${suffix}`, description: node.view.description },
        plan: planSave(EMPTY_DRAFT, draft),
      },
      tick,
    );
    newIds.set(String(node.view.ID), selectionId);
    renames.push([selectionId, node.view.name]);
    for (const child of node.children) await recreate(child, { kind: 'view', id: selectionId });
    return selectionId;
  }

  const newRoot = await recreate(root, target);
  await deleteSelection('view', viewId);
  tick();
  for (const [id, name] of renames) {
    await updateSelection('view', id, { name });
    tick();
  }
  return newRoot;
}
