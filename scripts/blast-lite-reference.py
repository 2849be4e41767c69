"""
Reference values from NREL BLAST-Lite's own Python for test/sim/blast-lite.test.ts:
writes test/sim/reference/blast_lite_reference.json.

    git clone https://github.com/NREL/BLAST-Lite && git -C BLAST-Lite checkout bae8c719
    BLAST_LITE_DIR=BLAST-Lite python3 scripts/blast-lite-reference.py

Needs numpy and scipy. The model files import pandas, matplotlib and the climate-download helpers at
module level without using them here, so those are stubbed when absent.
"""
import json, os, sys, types
import numpy as np

if not hasattr(np, 'trapz'):
    np.trapz = np.trapezoid  # removed in numpy 2.4; BLAST-Lite 1.1 calls it
for name in ['pandas', 'matplotlib', 'matplotlib.pyplot', 'h5pyd', 'rex', 'geopy', 'geopy.geocoders']:
    try:
        __import__(name)
    except ImportError:
        sys.modules[name] = types.ModuleType(name)
sys.modules['pandas'].DataFrame = getattr(sys.modules['pandas'], 'DataFrame', type('DataFrame', (), {}))
sys.modules['geopy.geocoders'].Nominatim = getattr(sys.modules['geopy.geocoders'], 'Nominatim', object)
sys.modules['rex'].NSRDBX = getattr(sys.modules['rex'], 'NSRDBX', object)
sys.path.insert(0, os.environ.get('BLAST_LITE_DIR', 'BLAST-Lite'))

from blast.models.degradation_model import BatteryDegradationModel
from blast.models.lfp_gr_250AhPrismatic_2019 import Lfp_Gr_250AhPrismatic
from blast.models.nmc622_gr_DENSO50Ah_2021 import Nmc622_Gr_DENSO50Ah_Battery

MODELS = {'LFP': Lfp_Gr_250AhPrismatic, 'NMC': Nmc622_Gr_DENSO50Ah_Battery}
HOURS = np.arange(0, 25)


def day_profile(top, dod):
    """One day, hourly: 1 h discharge by dod, 11 h parked, 1 h charge back, 11 h parked at top."""
    soc = np.full(HOURS.shape, top, dtype=float)
    soc[1:13] = top - dod
    return soc


def rates(model, temp_c, top, dod):
    batt = MODELS[model]()
    t = HOURS * 3600.0
    soc = day_profile(top, dod)
    stressors = batt._extract_stressors(t, soc, np.full(t.shape, temp_c, dtype=float))
    batt.update_rates(stressors)
    return {k: float(v[-1]) for k, v in batt.rates.items()}, stressors


def chained(model, scalar, monthly_c, top, dod, years):
    """Daily chaining over `years` with a temperature per month, as simulate_battery_life steps."""
    batt = MODELS[model](degradation_scalar=scalar)
    t = HOURS * 3600.0
    soc = day_profile(top, dod)
    days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    day = 0
    for _ in range(years):
        for m, n in enumerate(days):
            temp = np.full(t.shape, monthly_c[m], dtype=float)
            for _ in range(n):
                batt.update_battery_state(t + day * 86400.0, soc, temp)
                day += 1
    return {k: float(v[-1]) for k, v in batt.outputs.items() if k in ('q', 'q_t', 'q_EFC')}


out = {
    'source': 'NREL BLAST-Lite @ bae8c719b7cf24a28724debeb4e2aa5f77ba5f6e; regenerate: scripts/blast-lite-reference.py',
    'dayProfile': 'hourly 0..24 h: SOC = top except top - dod from hour 1 to 12 (1 h ramps down and up)',
    'ua': [{'soc': s, 'ua': float(BatteryDegradationModel._get_Ua(np.array([s]))[0])} for s in [0.05, 0.2, 0.5, 0.7, 0.85, 0.9, 1.0]],
    'rates': [],
    'chained': [],
}
for model in MODELS:
    for temp_c in [0, 10, 25, 40]:
        for top, dod in [(0.9, 0.1), (0.6, 0.3)]:
            r, s = rates(model, temp_c, top, dod)
            out['rates'].append({'model': model, 'tempC': temp_c, 'top': top, 'dod': dod,
                                 'cRate': float(s['Crate']), 'chargeCRate': float(s.get('Cchg', 0.0)), 'rates': r})
shanghai = [5, 6, 10, 15, 21, 24, 29, 28, 25, 20, 14, 8]
for model, scalar in [('LFP', 1.0), ('LFP', 2.75), ('NMC', 1.0), ('NMC', 1.5)]:
    out['chained'].append({'model': model, 'scalar': scalar, 'monthlyC': shanghai, 'top': 0.9, 'dod': 0.1,
                           'years': 8, 'outputs': chained(model, scalar, shanghai, 0.9, 0.1, 8)})

path = os.path.join(os.path.dirname(__file__), '..', 'test', 'sim', 'reference', 'blast_lite_reference.json')
with open(path, 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
print('wrote', os.path.normpath(path))
