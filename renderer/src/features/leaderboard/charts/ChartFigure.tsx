import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../download';
import { svgToPng } from './exportPng';

interface ChartFigureProps {
  title: string;
  /** The text alternative: what the chart shows, in one or two sentences. */
  summary: string;
  fileName: string;
  testId: string;
  /** The chart's natural width in CSS pixels: the figure asks for that much and shrinks (the chart scrolls) when the page is narrower. */
  width: number;
  /** The chart; gets the ids of the title and summary to label itself with. */
  children: (labels: { labelledBy: string; describedBy: string }) => ReactNode;
  /** The chart's data as a table, rendered only when the rater opens it. */
  dataTable: () => ReactNode;
}

/** A chart with its title, a text summary, its data as a table on request, and PNG export. */
export function ChartFigure({ title, summary, fileName, testId, width, children, dataTable }: ChartFigureProps) {
  const { t } = useTranslation('leaderboard');
  const id = useId();
  const canvas = useRef<HTMLDivElement>(null);
  const [showData, setShowData] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const exportPng = async () => {
    const svg = canvas.current?.querySelector('svg');
    if (!svg) return;
    try {
      downloadBlob(await svgToPng(svg), fileName);
      setExportFailed(false);
    } catch {
      setExportFailed(true);
    }
  };
  return (
    <figure className="lb-figure" aria-labelledby={`${id}-title`} data-testid={testId} style={{ flexBasis: `calc(${width}px + 1.5rem + 2px)` }}>
      <div className="lb-figure__head">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" className="button button--quiet" onClick={() => void exportPng()} data-testid={`${testId}-png`}>
          {t('chart.exportPng')}
        </button>
      </div>
      {exportFailed ? <p className="notice notice--error">{t('chart.exportFailed')}</p> : null}
      <div className="lb-figure__canvas" ref={canvas}>
        {children({ labelledBy: `${id}-title`, describedBy: `${id}-summary` })}
      </div>
      <figcaption id={`${id}-summary`} className="lb-figure__summary">
        {summary}
      </figcaption>
      <details className="lb-figure__data" onToggle={(event) => setShowData(event.currentTarget.open)}>
        <summary>{t('chart.showData')}</summary>
        {showData ? dataTable() : null}
      </details>
    </figure>
  );
}
