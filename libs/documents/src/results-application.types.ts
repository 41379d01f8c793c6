// 结果应用's answer is the web's type too: declared once in libs/contracts.
export type { ResultsApplication, ResultsApplicationRow, ResultsEvaluation } from '@rectiflow/contracts';
