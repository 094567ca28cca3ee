// The file types Jixiao imports, by extension: for file pickers and directory walks (the bytes decide the
// format in the end). Legacy Word/Excel and WPS files need LibreOffice on the machine that imports them.
export const IMPORT_EXTENSIONS = ['.txt', '.text', '.docx', '.xlsx', '.doc', '.xls', '.wps', '.et'] as const;
