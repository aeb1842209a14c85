import { useTranslation } from 'react-i18next';
import type { RankedModel } from '../../../../../shared/ranking';
import { useFormatters } from '../format';

/** The interval plot's data: one row per model, in rating order. */
export function IntervalDataTable({ models }: { models: RankedModel[] }) {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  return (
    <div className="lb-table__scroll">
      <table className="lb-grid lb-grid--compact">
        <thead>
          <tr>
            <th scope="col">{t('table.column.rank')}</th>
            <th scope="col" className="lb-grid__model">{t('table.column.model')}</th>
            <th scope="col">{t('table.column.rating')}</th>
            <th scope="col">{t('chart.lower')}</th>
            <th scope="col">{t('chart.upper')}</th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => (
            <tr key={model.model}>
              <td>{format.integer(model.rank)}</td>
              <th scope="row">
                <bdi>{model.model}</bdi>
              </th>
              <td>{format.rating(model.rating)}</td>
              <td>{format.rating(model.lower)}</td>
              <td>{format.rating(model.upper)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A heatmap's data: rows named, columns numbered as in the chart. */
export function MatrixDataTable({ models, cell }: { models: string[]; cell: (row: number, column: number) => string }) {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  return (
    <div className="lb-table__scroll">
      <table className="lb-grid lb-grid--compact">
        <thead>
          <tr>
            <th scope="col" className="lb-grid__model">{t('table.column.model')}</th>
            {models.map((model, j) => (
              <th key={model} scope="col" title={model}>
                {format.integer(j + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {models.map((model, i) => (
            <tr key={model}>
              <th scope="row">
                <bdi>{t('chart.numbered', { number: format.integer(i + 1), model })}</bdi>
              </th>
              {models.map((other, j) => (
                <td key={other}>{i === j ? '' : cell(i, j)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
