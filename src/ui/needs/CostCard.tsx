import { useState } from 'react';
import { formatKm, formatPercent } from '../../i18n/index.ts';
import type { Prices, YearlyCost } from '../../plan/index.ts';
import { useStoreSettings } from '../../state/settings-store.ts';
import { formatCny, formatLPer100km } from './plan-format.ts';
import { PRICE_FIELDS, stepPrice } from './price-fields.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';
import { recordEvent } from '../../state/session-events.ts';

interface Props {
  cost: YearlyCost;
  fuelLPer100km: number;
  prices: Prices;
  onPrices: (prices: Prices) => void;
  /** A new cost for edited prices is being computed. */
  computing: boolean;
}

/** Fuel against electricity for a year of driving, with the prices the customer can change. */
export function CostCard({ cost, fuelLPer100km, prices, onPrices, computing }: Props) {
  const { locale, n } = useNeedsI18n();
  const [editing, setEditing] = useState(false);
  const max = Math.max(cost.fuelCny, cost.electricityCny, 1);
  const saving = cost.savingCny;
  const priceText = (key: (typeof PRICE_FIELDS)[number]) =>
    key.unit === 'share'
      ? formatPercent(locale, prices[key.key])
      : n(key.unit === 'perLitre' ? 'unit.perLitre' : 'unit.perKwh', { price: formatCny(locale, prices[key.key], 2) });
  // "Default prices" are the store's (store settings), which start every customer's comparison.
  const storePrices = useStoreSettings((s) => s.settings.prices);
  const isDefault = PRICE_FIELDS.every((f) => prices[f.key] === storePrices[f.key]);
  return (
    <section className="plan-card cost card" aria-labelledby="cost-title" data-computing={computing}>
      <h2 id="cost-title" className="plan-card__title">
        {n('plan.cost')}
      </h2>
      <p className="plan-card__note">{n('plan.cost.basis', { km: formatKm(locale, cost.yearlyKm), fuel: formatLPer100km(locale, fuelLPer100km) })}</p>
      <div className="cost__bars">
        {(
          [
            ['fuel', cost.fuelCny],
            ['electricity', cost.electricityCny],
          ] as const
        ).map(([kind, cny]) => (
          <div key={kind} className={`cost__bar cost__bar--${kind}`}>
            <span className="cost__label">{n(kind === 'fuel' ? 'plan.cost.fuel' : 'plan.cost.electricity')}</span>
            <span className="cost__track">
              <span className="cost__fill" style={{ width: `${(cny / max) * 100}%` }} />
            </span>
            <span className="cost__amount tabular" data-testid={`plan-cost-${kind}`}>
              {formatCny(locale, Math.round(cny))}
            </span>
          </div>
        ))}
      </div>
      <p className={`cost__saving tabular${saving < 0 ? ' cost__saving--more' : ''}`} data-testid="plan-saving">
        {n(saving >= 0 ? 'plan.cost.saving' : 'plan.cost.more', { amount: formatCny(locale, Math.round(Math.abs(saving))) })}
      </p>
      <button
        type="button"
        className="button prices__toggle"
        aria-expanded={editing}
        aria-controls="plan-prices"
        data-testid="plan-prices-toggle"
        onClick={() => {
          // Electricity prices are what customers ask about when they ask about charging.
          if (!editing) recordEvent('asked-charging');
          setEditing(!editing);
        }}
      >
        {n('plan.prices')}
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2.5" />
        </svg>
      </button>
      <fieldset className="prices" id="plan-prices" hidden={!editing}>
        <legend className="visually-hidden">{n('plan.prices')}</legend>
        {PRICE_FIELDS.map((f) => (
          <div key={f.key} className="price">
            <span className="price__label">{n(f.labelKey)}</span>
            <button type="button" className="stepper stepper--small" aria-label={`${n('stepper.less')} · ${n(f.labelKey)}`} data-testid={`price-less-${f.key}`} onClick={() => onPrices(stepPrice(prices, f, -1))}>
              −
            </button>
            <output className="price__value tabular" data-testid={`price-${f.key}`}>
              {priceText(f)}
            </output>
            <button type="button" className="stepper stepper--small" aria-label={`${n('stepper.more')} · ${n(f.labelKey)}`} data-testid={`price-more-${f.key}`} onClick={() => onPrices(stepPrice(prices, f, 1))}>
              +
            </button>
          </div>
        ))}
        <button type="button" className="needs-link" hidden={isDefault} onClick={() => onPrices(storePrices)}>
          {n('price.reset')}
        </button>
      </fieldset>
    </section>
  );
}
