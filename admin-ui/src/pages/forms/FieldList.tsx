// The form's fields in order. Reordering works by dragging (dnd-kit, pointer or keyboard: space to lift,
// arrows to move, space to drop) and by the move up / move down buttons of each field.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { DesignerField, Locale } from '../../../../forms/designer/model';

interface Props {
  fields: DesignerField[];
  locale: Locale;
  selected: string | undefined;
  onSelect: (key: string) => void;
  onMove: (from: number, to: number) => void;
}

const labelOf = (field: DesignerField, locale: Locale) => field.texts[locale]?.label || field.key;

function SortableField({ field, index, count, locale, selected, onSelect, onMove }: { field: DesignerField; index: number; count: number } & Omit<Props, 'fields'>) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id: field.key });
  const label = labelOf(field, locale);
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={`designer-field${selected === field.key ? ' selected' : ''}`}>
      <button type="button" className="drag-handle" aria-label={t('designer.drag', { label })} {...attributes} {...listeners}>
        ⠿
      </button>
      <button type="button" className="designer-field-select" aria-pressed={selected === field.key} onClick={() => onSelect(field.key)}>
        <span className="designer-field-label">{label}</span>
        <span className="designer-field-type">
          {t(`designer.types.${field.type}`)}
          {field.required ? ` · ${t('designer.required')}` : ''}
          {field.showWhen ? ` · ${t('designer.conditional')}` : ''}
        </span>
      </button>
      <button type="button" className="button-small" disabled={index === 0} aria-label={t('designer.moveUp', { label })} onClick={() => onMove(index, index - 1)}>
        ↑
      </button>
      <button type="button" className="button-small" disabled={index === count - 1} aria-label={t('designer.moveDown', { label })} onClick={() => onMove(index, index + 1)}>
        ↓
      </button>
    </li>
  );
}

export function FieldList(props: Props) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    props.onMove(props.fields.findIndex((f) => f.key === active.id), props.fields.findIndex((f) => f.key === over.id));
  };
  if (props.fields.length === 0) return <p>{t('designer.noFields')}</p>;
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: t('designer.dragInstructions') } }}>
      <SortableContext items={props.fields.map((f) => f.key)} strategy={verticalListSortingStrategy}>
        <ol className="designer-fields" aria-label={t('designer.fields')}>
          {props.fields.map((field, index) => (
            <SortableField key={field.key} field={field} index={index} count={props.fields.length} {...props} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
