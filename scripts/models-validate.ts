/**
 * Khronos glTF-Validator over generated twins. Used by the generator tests
 * and by `npm run models` (which refuses to write a GLB with errors).
 */
import validator from 'gltf-validator';

export interface ValidationSummary {
  errors: number;
  warnings: number;
  triangles: number;
  messages: string[];
}

export async function validateGlb(bytes: Uint8Array): Promise<ValidationSummary> {
  const r = await validator.validateBytes(bytes, { maxIssues: 100, format: 'glb' });
  return {
    errors: r.issues.numErrors,
    warnings: r.issues.numWarnings,
    triangles: r.info?.totalTriangleCount ?? 0,
    messages: r.issues.messages.map((m: { severity: number; code: string; message: string; pointer?: string }) => `${['error', 'warning', 'info', 'hint'][m.severity]} ${m.code} ${m.pointer ?? ''}: ${m.message}`),
  };
}
