export default function P() {
  return <div>待完成</div>;
}
