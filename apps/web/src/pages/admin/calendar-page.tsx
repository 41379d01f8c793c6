import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarYears } from '@contracts/api';
import { get, put } from '../../api/http';
import { QueryState } from '../../components/query-state';

const dates = (s: string) => s.split(/[\s,，]+/).filter(Boolean);

/** 节假日安排: the years the server knows, and loading a year's holidays and 调休 working days. */
export default function CalendarPage() {
  const q = useQuery({
    queryKey: ['calendar-years'],
    queryFn: () => get<CalendarYears>('/admin/calendar/years'),
  });
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = async (v: { year: number; holidays: string; workdays: string }) => {
    setError(null);
    try {
      await put(`/admin/calendar/years/${v.year}`, {
        holidays: dates(v.holidays ?? ''),
        workdays: dates(v.workdays ?? ''),
      });
      message.success(`${v.year} 年节假日安排已保存`);
      await client.invalidateQueries({ queryKey: ['calendar-years'] });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <>
      <Typography.Title level={3} className="page-title">
        节假日日历
      </Typography.Title>
      <QueryState q={q} optional="节假日日历">
        {(data) => {
          const years = data.years;
          return (
            <>
              <Card size="small" title="已有年份">
                <List
                  dataSource={years}
                  locale={{ emptyText: '暂无' }}
                  renderItem={(y) => (
                    <List.Item>
                      {y.year} 年：节假日 {y.holidays.length} 天，调休上班 {y.workdays.length} 天
                    </List.Item>
                  )}
                />
              </Card>
              <Card size="small" title="载入一年的安排" style={{ marginTop: 12 }}>
                {error && (
                  <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />
                )}
                <Form layout="vertical" onFinish={(v) => void save(v)}>
                  <Form.Item label="年份" name="year" rules={[{ required: true, message: '请填写年份' }]}>
                    <InputNumber min={2000} max={2100} />
                  </Form.Item>
                  <Form.Item label="放假日期（YYYY-MM-DD，空格或逗号分隔）" name="holidays">
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Form.Item label="调休上班日期" name="workdays">
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    保存
                  </Button>
                </Form>
              </Card>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
