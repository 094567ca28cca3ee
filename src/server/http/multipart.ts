// One uploaded file (field `file`) and the plain fields beside it, from a multipart request; extra files
// are drained and ignored. The size cap is @fastify/multipart's (JIXIAO_UPLOAD_LIMIT_MB → 413).
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

export async function readUpload(request: FastifyRequest): Promise<{ file: { bytes: Buffer; name: string }; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 上传文件（字段名 file）');
  let file: { bytes: Buffer; name: string } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file' && part.fieldname === 'file' && !file) file = { bytes: await part.toBuffer(), name: part.filename };
    else if (part.type === 'file') await part.toBuffer(); // drain unexpected files
    else fields[part.fieldname] = String(part.value);
  }
  if (!file) throw new AppError('VALIDATION', '请选择要上传的文件（字段名 file）');
  return { file, fields };
}
