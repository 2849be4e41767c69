/** Physical constants and unit conversions. SI unless the name says otherwise. */

/** Standard gravity, m/s² (CGPM 1901). */
export const G_MPS2 = 9.80665;
/** Specific gas constant of dry air, J/(kg·K). */
export const R_AIR_J_PER_KG_K = 287.05;
/** Universal gas constant, J/(mol·K). */
export const R_GAS_J_PER_MOL_K = 8.314462618;
/** Sea-level standard pressure, Pa (ISA). */
export const P_SEA_LEVEL_PA = 101_325;
/** Zero Celsius in kelvin. */
export const ZERO_C_K = 273.15;
/** Specific heat of air at constant pressure, J/(kg·K). */
export const CP_AIR_J_PER_KG_K = 1005;
/** Latent heat of vaporisation of water near 20 °C, J/kg. */
export const LATENT_WATER_J_PER_KG = 2.45e6;
/**
 * Air density of the WLTP road-load reference condition (20 °C, 100 kPa), kg/m³.
 * UN GTR 15 Annex 4: coast-down coefficients are corrected to this density.
 */
export const RHO_REF_KG_M3 = 1.189;

export const KMH_PER_MPS = 3.6;
export const J_PER_KWH = 3.6e6;
