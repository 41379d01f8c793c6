import { useState } from 'react';
import { Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ResultsApplication, ResultsApplicationRow } from '@contracts/api';
import { download, get } from '../api/http';
import { QueryState } from '../components/query-state';
import { ReportDownloadButton } from '../components/report-download-button';
import { percent, today } from '../format';

/** 结果应用: per department, how its rectification went and what follows (budget treatment). */
export default function ResultsPage() {
  const [year, setYear] = useState(Number(today().slice(0, 4)));
  const q = useQuery({
    queryKey: ['results', year],
    queryFn: () => get<ResultsApplication>('/results-application', { year }),
  });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        结果应用
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <span>年度</span>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            aria-label="年度"
          />
          <Button
            // Not tied to the table's query: a failed refresh must not take the export away; download() reports its own errors.
            onClick={() => void download('/results-application/export.xlsx', { year })}
          >
            导出 Excel
          </Button>
        </Space>
      </Card>
      <QueryState q={q} optional="结果应用">
        {(data) => (
          <Table<ResultsApplicationRow>
            rowKey="unitId"
            size="small"
            dataSource={data.rows}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '单位', dataIndex: 'unitName', fixed: 'left' },
              { title: '问题数', dataIndex: 'problems' },
              { title: '已销号', dataIndex: 'closed' },
              { title: '逾期', dataIndex: 'overdue' },
              // 结果应用 answers the rate in percent (as the 整改情况报告 prints it), not as a fraction
              {
                title: '完成率',
                dataIndex: 'completionRate',
                render: (v: number | null) => percent(v === null ? null : v / 100),
              },
              { title: '屡查屡犯', dataIndex: 'repeatFindings' },
              { title: '处理建议', dataIndex: 'treatment', render: (t: string) => <Tag>{t}</Tag> },
              { title: '理由', dataIndex: 'reasons', render: (r: string[]) => r.join('；') },
              {
                title: '整改情况报告',
                key: 'report',
                render: (_: unknown, r: ResultsApplicationRow) => (
                  <ReportDownloadButton
                    size="small"
                    label="下载"
                    path={`/units/${r.unitId}/rectification-report.docx`}
                    query={{ year }}
                  />
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
