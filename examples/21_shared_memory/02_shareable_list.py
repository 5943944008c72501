r"""
ShareableList
=============

``ShareableList`` 是放在共享内存里的定长列表，元素只能是 ``int``、``float``、``bool``、
``str``、``bytes`` 和 ``None``。可以原地修改元素，但不能增删元素，
字符串和字节串也不能比创建时占的空间更长；含中文的 ``str`` 还有一个已知缺陷。
"""

# %%
# 子进程按名字连接同一个列表，把前三项乘以 10，再把第四项换成一个较短的字符串。
import multiprocessing
from multiprocessing import shared_memory


def worker(name):
    sl = shared_memory.ShareableList(name=name)
    for i in range(3):
        sl[i] *= 10
    sl[3] = "done"
    sl.shm.close()


def try_chinese():
    # 3、9、11 个 UTF-8 字节；按字符数分到的空间都是 8 个字节。
    for text in ["中", "进行中", "中中ab中"]:
        sl = shared_memory.ShareableList([text])
        try:
            back = sl[0]
            print(f"存 {text!r}，读回 {back!r}：", "相同" if back == text else "悄悄变短了")
        except UnicodeDecodeError as exc:
            print(f"存 {text!r}，读不回来：", type(exc).__name__)
        finally:
            sl.shm.close()
            sl.shm.unlink()


# %%
# 创建时 ``"running"`` 占了多少字节，这一项以后最多就只能放多少字节。
if __name__ == "__main__":
    sl = shared_memory.ShareableList([1, 2.5, True, "running", None])
    print("之前：", list(sl))
    p = multiprocessing.Process(target=worker, args=(sl.shm.name,))
    p.start()
    p.join()
    print("之后：", list(sl))

    try:
        sl[3] = "a much longer string than before"
    except ValueError as exc:
        print("放不下：", exc)
    print("能追加吗：", hasattr(sl, "append"))
    sl.shm.close()
    sl.shm.unlink()

# %%
# ``ShareableList`` 按字符数而不是 UTF-8 字节数给 ``str`` 分配空间（CPython 的 gh-88336），
# 中文字符串的字节数超出分到的空间就被截断：截在一个字符中间，读的时候出错；截在字符之间，
# 读出的字符串悄悄变短。在有这个缺陷的版本上，改存 ``"进行中".encode()`` 这样的 ``bytes``，
# 读出后再 ``decode()``。
if __name__ == "__main__":
    try_chinese()
    sl = shared_memory.ShareableList(["进行中".encode()])
    print("存成 bytes 再解码：", sl[0].decode())
    sl.shm.close()
    sl.shm.unlink()
