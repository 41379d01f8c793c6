import { Badge, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TodoItem, TodoList } from '@contracts/api';
import { get } from '../api/http';
import { QueryState } from '../components/query-state';
import { RungTag, StatusTag } from '../components/status-tag';
import { daysLeftText } from '../format';

function DaysLeft({ item }: { item: TodoItem }) {
  const color = item.daysLeft < 0 ? 'red' : item.daysLeft <= 7 ? 'orange' : 'green';
  return <Tag color={color}>{daysLeftText(item.daysLeft)}</Tag>;
}

export default function TodoPage() {
  const q = useQuery({ queryKey: ['todo'], queryFn: () => get<TodoList>('/todo'), refetchInterval: 30_000 });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        我的待办
      </Typography.Title>
      <QueryState q={q}>
        {(todo) =>
          todo.groups.length === 0 ? (
            <Empty description="您的角色没有需要办理的事项" />
          ) : (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Text type="secondary" className="todo-total">
                共 {todo.total} 项待办
              </Typography.Text>
              {todo.groups.map((g) => (
                <Card
                  key={g.key}
                  title={
                    <Space>
                      {g.label}
                      <Badge count={g.count} showZero color={g.count ? 'blue' : '#bfbfbf'} />
                    </Space>
                  }
                  size="small"
                >
                  <List
                    dataSource={g.items}
                    locale={{ emptyText: '暂无待办' }}
                    renderItem={(item) => (
                      <List.Item key={item.id} className="todo-item">
                        <List.Item.Meta
                          title={
                            <Link to={`/rectifications/${encodeURIComponent(item.id)}`}>
                              问题 {item.findingSeq}：{item.findingTitle}
                            </Link>
                          }
                          description={
                            <Space wrap size={[8, 4]}>
                              <StatusTag status={item.status} label={item.statusLabel} />
                              <DaysLeft item={item} />
                              <span>时限 {item.deadline}</span>
                              <span>{item.unitName}</span>
                              {item.projectName && (
                                <Typography.Text type="secondary">{item.projectName}</Typography.Text>
                              )}
                              <RungTag level={item.escalationLevel} label={item.escalationLabel} />
                            </Space>
                          }
                        />
                      </List.Item>
                    )}
                  />
                  {g.count > g.items.length && (
                    <Typography.Text type="secondary">
                      仅显示时限最近的 {g.items.length} 项，共 {g.count} 项，
                      <Link to="/rectifications">在台账中查看全部</Link>
                    </Typography.Text>
                  )}
                </Card>
              ))}
            </Space>
          )
        }
      </QueryState>
    </>
  );
}
