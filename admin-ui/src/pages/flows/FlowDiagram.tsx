// The process as a picture: statuses and rules laid out left to right (elkjs, layered), drawn with React Flow,
// kept in step with the draft being edited. Selecting a node opens that status or rule in the side panel. The
// lists of statuses and rules under the diagram say the same in text, for screen readers and keyboards.
import { Background, Controls, MarkerType, Position, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import ELK from 'elkjs/lib/elk.bundled.js';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDefinition } from '../../../../workflows/flow/core/types';
import { flowGraph, type GraphNode } from './flow-graph';

const elk = new ELK();
const SIZE = { status: { width: 170, height: 44 }, rule: { width: 190, height: 52 } };

interface Props {
  draft: FlowDefinition;
  locale: string;
  /** A status or a rule was chosen in the picture: open its editor. */
  onSelect: (kind: GraphNode['kind'], key: string) => void;
}

export function FlowDiagram({ draft, locale, onSelect }: Props) {
  const { t } = useTranslation();
  const graph = useMemo(() => flowGraph(draft, locale), [draft, locale]);
  // Layout only when the picture's shape changes, not on every keystroke in a parameter.
  const shape = JSON.stringify(graph);
  const [laidOut, setLaidOut] = useState<{ nodes: Node[]; edges: Edge[] }>();

  useEffect(() => {
    let current = true;
    const { nodes, edges } = JSON.parse(shape) as ReturnType<typeof flowGraph>;
    void elk
      .layout({
        id: 'flow',
        layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '28', 'elk.layered.spacing.nodeNodeBetweenLayers': '48' },
        children: nodes.map((n) => ({ id: n.id, ...SIZE[n.kind] })),
        edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
      })
      .then((layout) => {
        if (!current) return;
        const at = new Map((layout.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
        setLaidOut({
          nodes: nodes.map((n) => ({
            id: n.id,
            position: at.get(n.id) ?? { x: 0, y: 0 },
            data: { label: n.kind === 'status' ? n.label : `${t('flows.diagram.rule')}: ${n.label}` },
            className: `flow-node flow-node-${n.kind}${n.initial ? ' flow-node-initial' : ''}${n.final ? ' flow-node-final' : ''}`,
            style: SIZE[n.kind],
            ariaLabel: n.kind === 'status' ? t('flows.diagram.statusNode', { label: n.label }) : t('flows.diagram.ruleNode', { label: n.label }),
            connectable: false,
            draggable: false,
            // The layout runs left to right: edges leave a node on its right and arrive on its left.
            sourcePosition: Position.Right,
            targetPosition: Position.Left,
          })),
          edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target, markerEnd: { type: MarkerType.ArrowClosed } })),
        });
      });
    return () => {
      current = false;
    };
  }, [shape, t]);

  const kindOf = (id: string) => graph.nodes.find((n) => n.id === id);
  return (
    <figure className="flow-diagram">
      <div
        className="flow-diagram-canvas"
        role="region"
        aria-label={t('flows.diagram.label')}
        // A node reached with Tab and chosen with Enter or Space opens its editor, as a click does.
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          const n = kindOf((event.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id') ?? '');
          if (!n) return;
          event.preventDefault();
          onSelect(n.kind, n.key);
        }}
      >
        {laidOut ? (
          <ReactFlow
            nodes={laidOut.nodes}
            edges={laidOut.edges}
            fitView
            nodesConnectable={false}
            nodesDraggable={false}
            elementsSelectable
            proOptions={{ hideAttribution: true }}
            onNodeClick={(_event, node) => {
              const n = kindOf(node.id);
              if (n) onSelect(n.kind, n.key);
            }}
          >
            <Background />
            <Controls showInteractive={false} />
          </ReactFlow>
        ) : (
          <p className="loading">{t('loading')}</p>
        )}
      </div>
      <figcaption>{t('flows.diagram.caption', { statuses: graph.nodes.filter((n) => n.kind === 'status').length, rules: graph.nodes.filter((n) => n.kind === 'rule').length })}</figcaption>
    </figure>
  );
}
