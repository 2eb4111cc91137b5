//! Work shared out over the machine's cores: independent pieces (a plan's objectives) computed
//! at once, the results in the pieces' order, the same as computed one after another.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// `f` of each item, in the items' order, computed on as many threads as the machine has cores
/// (the calling thread one of them). Items are taken costliest first (`cost`) by whichever
/// thread is free, so one large item does not leave a core idle at the end. A panic in `f` is
/// passed on to the caller.
pub fn map<T, R, C, F>(items: &[T], cost: C, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    C: Fn(&T) -> usize,
    F: Fn(&T) -> R + Sync,
{
    let threads = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(cost(&items[i])));
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            done.push((i, f(&items[i])));
        }
        done
    };
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut place = |done: Vec<(usize, R)>| {
            for (i, result) in done {
                results[i] = Some(result);
            }
        };
        place(work());
        for helper in helpers {
            match helper.join() {
                Ok(done) => place(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    results
        .into_iter()
        .map(|result| result.expect("every item is taken by one thread"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_results_in_order() {
        let items: Vec<u64> = (0..50).collect();
        let mapped = map(&items, |&n| (n % 7) as usize, |&n| n * n);
        assert_eq!(mapped, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert!(map(&[] as &[u64], |_| 0, |&n| n).is_empty());
        assert_eq!(map(&[3u8], |_| 1, |&n| n + 1), vec![4]);
    }

    #[test]
    #[should_panic(expected = "seven")]
    fn a_panic_reaches_the_caller() {
        let items: Vec<u64> = (0..20).collect();
        map(&items, |_| 1, |&n| assert!(n != 7, "seven"));
    }
}
