import type { Priority } from '@yujian/realtime';
import { useState, type FormEvent } from 'react';
import { announcementApi } from '../../api/endpoints';
import { useAction } from '../../hooks/useAction';
import { AnnouncementList } from '../announcements/AnnouncementList';

const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];

/** Post an announcement (it appears for everyone at once) and expire active ones. */
export function AnnouncementsAdmin() {
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [priority, setPriority] = useState<Priority>('normal');
  const [expires, setExpires] = useState('');
  const [posted, setPosted] = useState('');
  const post = useAction();
  const expire = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPosted('');
    const expiresAt = expires ? new Date(expires).toISOString() : undefined;
    const ok = await post.run(() => announcementApi.post({ title: title.trim(), content: content.trim(), priority, expiresAt }));
    if (ok) {
      setPosted(`Posted “${title.trim()}”.`);
      setTitle('');
      setContent('');
      setExpires('');
    }
  }

  return (
    <>
      <section className="panel" aria-labelledby="post-title">
        <h2 id="post-title">Post an announcement</h2>
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <label>Title<input data-testid="ann-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} /></label>
          <label>Message<textarea data-testid="ann-content" required rows={3} value={content} onChange={(e) => setContent(e.target.value)} /></label>
          <div className="row">
            <label>Priority
              <select data-testid="ann-priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
                {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
              </select>
            </label>
            <label>Expires (optional)
              <input data-testid="ann-expires" type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />
            </label>
          </div>
          <button type="submit" data-testid="ann-submit" disabled={post.busy}>{post.busy ? 'Posting…' : 'Post'}</button>
          {post.error && <p className="error" role="alert" data-testid="ann-error">{post.error}</p>}
          {posted && <p className="ok" role="status">{posted}</p>}
        </form>
      </section>
      {expire.error && <p className="error" role="alert">{expire.error}</p>}
      <AnnouncementList
        action={(a) => (
          <button type="button" className="secondary" data-testid="announcement-expire" disabled={expire.busy}
            onClick={() => void expire.run(() => announcementApi.expire(a.id))}>
            Expire now
          </button>
        )}
      />
    </>
  );
}
