import { describe, expect, it } from 'vitest';
import { exportLinksFrom, fileNameOf } from './exports';

describe('export links from the OpenAPI document', () => {
  it('reads GET /api/reports/{id}/export?format=… with the formats the server lists', () => {
    const spec = { paths: { '/api/reports/{id}/export': { get: { parameters: [{ name: 'format', in: 'query', schema: { enum: ['docx', 'pdf', 'csv'] } }, { name: 'id', in: 'path' }] } } } };
    expect(exportLinksFrom(spec, 'r1')).toEqual([
      { label: 'Word（.docx）', href: '/api/reports/r1/export?format=docx' },
      { label: 'PDF', href: '/api/reports/r1/export?format=pdf' },
      { label: '开放数据（CSV 压缩包）', href: '/api/reports/r1/export?format=csv' },
    ]);
  });

  it('takes the Chinese file name from Content-Disposition', () => {
    expect(fileNameOf(`attachment; filename="jixiao-2021.docx"; filename*=UTF-8''2021%E5%B9%B4%E5%BA%A6.docx`, 'x')).toBe('2021年度.docx');
    expect(fileNameOf('attachment; filename="a.pdf"', 'x')).toBe('a.pdf');
    expect(fileNameOf(null, 'x')).toBe('x');
  });

  it('finds none while the server has no export routes', () => {
    expect(exportLinksFrom({ paths: { '/api/reports/{id}': { get: {} }, '/api/reports/{id}/versions': { get: {} } } }, 'r1')).toEqual([]);
  });

  it('offers one link per export route or per enumerated format', () => {
    const spec = {
      paths: {
        '/api/reports/{id}/export.docx': { get: {} },
        '/api/reports/{id}/export/{format}': { get: { parameters: [{ name: 'format', in: 'path', schema: { enum: ['pdf', 'xlsx'] } }] } },
        '/api/reports/{id}/exports': { post: {} },
      },
    };
    expect(exportLinksFrom(spec, 'r 1')).toEqual([
      { label: 'Word（.docx）', href: '/api/reports/r%201/export.docx' },
      { label: 'PDF', href: '/api/reports/r%201/export/pdf' },
      { label: 'Excel（.xlsx）', href: '/api/reports/r%201/export/xlsx' },
    ]);
  });
});
